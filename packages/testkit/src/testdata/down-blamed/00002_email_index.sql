-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
-- No IF NOT EXISTS: fine for goose, which runs an Up once.
CREATE INDEX idx_users_email ON users (email);

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
-- Forgets: DROP INDEX IF EXISTS idx_users_email;
