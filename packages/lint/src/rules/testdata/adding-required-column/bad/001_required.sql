-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS tier text NOT NULL;

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS tier;
