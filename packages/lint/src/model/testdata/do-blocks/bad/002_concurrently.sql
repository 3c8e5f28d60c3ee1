-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_name ON accounts (name);
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS accounts_name;
