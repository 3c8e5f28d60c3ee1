-- +goose Up
-- Not idempotent: no IF NOT EXISTS.
ALTER TABLE users ADD COLUMN nickname text;

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
