-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_email ON users (email);
ALTER TABLE users ADD COLUMN nickname text;
INSERT INTO settings (key, value) VALUES ('a', 'b');
CREATE TYPE mood AS ENUM ('ok');

-- +goose Down
DROP TYPE mood;
DELETE FROM settings WHERE key = 'a';
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
DROP INDEX CONCURRENTLY users_email;
