-- +goose Up
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flags;
DROP TABLE IF EXISTS old_sessions;

-- +goose Down
CREATE TABLE IF NOT EXISTS old_sessions (id int);
ALTER TABLE users ADD COLUMN IF NOT EXISTS legacy_flags int;
