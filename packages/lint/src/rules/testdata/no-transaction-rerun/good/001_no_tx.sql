-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
INSERT INTO settings (key, value) VALUES ('a', 'b') ON CONFLICT DO NOTHING;

-- +goose Down
DELETE FROM settings WHERE key = 'a';
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
DROP INDEX CONCURRENTLY IF EXISTS users_email;
