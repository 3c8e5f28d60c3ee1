-- +goose Up
DROP INDEX IF EXISTS users_email;

-- +goose Down
CREATE INDEX IF NOT EXISTS users_email ON users (email);
