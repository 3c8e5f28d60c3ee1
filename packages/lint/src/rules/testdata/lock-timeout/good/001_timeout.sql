-- +goose Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
