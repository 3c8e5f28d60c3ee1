-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY widgets_id ON widgets (id);

-- +goose Down
DROP INDEX CONCURRENTLY widgets_id;
