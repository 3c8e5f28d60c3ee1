-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);

-- +goose Down
-- Forgets: DROP INDEX IF EXISTS idx_users_email;
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
