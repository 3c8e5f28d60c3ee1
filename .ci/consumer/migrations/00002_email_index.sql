-- +goose Up
CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);

-- +goose Down
DROP INDEX idx_users_email;
