-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
CREATE INDEX IF NOT EXISTS users_nickname ON users (nickname);
CREATE OR REPLACE VIEW user_names AS SELECT nickname FROM users;

-- +goose Down
DROP VIEW IF EXISTS user_names;
DROP INDEX IF EXISTS users_nickname;
