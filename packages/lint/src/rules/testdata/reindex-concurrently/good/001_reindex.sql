-- +goose NO TRANSACTION
-- +goose Up
REINDEX INDEX CONCURRENTLY users_email;

-- +goose Down
SELECT 1;
