-- +goose no transaction
-- +goose Up
CREATE INDEX CONCURRENTLY big_idx ON big (col);

-- +goose Down
DROP INDEX CONCURRENTLY big_idx;
