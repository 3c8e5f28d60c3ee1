-- +goose NO TRANSACTION
-- +goose Up
DROP INDEX CONCURRENTLY IF EXISTS users_email;

-- +goose Down
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);
