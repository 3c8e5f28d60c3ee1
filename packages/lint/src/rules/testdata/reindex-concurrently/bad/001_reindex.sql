-- +goose NO TRANSACTION
-- +goose Up
REINDEX INDEX users_email;
REINDEX TABLE users;

-- +goose Down
SELECT 1;
