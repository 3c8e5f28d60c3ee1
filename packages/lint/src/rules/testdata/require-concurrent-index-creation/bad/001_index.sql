-- +goose Up
CREATE INDEX IF NOT EXISTS users_email ON users (email);

-- +goose Down
DROP INDEX IF EXISTS users_email;
