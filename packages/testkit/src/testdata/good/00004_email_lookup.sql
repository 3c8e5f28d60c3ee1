-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_lower_email ON users (lower(email));

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS idx_users_lower_email;
