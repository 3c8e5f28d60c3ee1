-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY things_id ON things (id);

-- +goose Down
DROP INDEX CONCURRENTLY things_id;
