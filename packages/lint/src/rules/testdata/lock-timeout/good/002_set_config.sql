-- +goose Up
SELECT set_config('lock_timeout', '5s', true);
ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS bio;
