-- +goose Up
CREATE TABLE IF NOT EXISTS scratch (id int);
CREATE INDEX IF NOT EXISTS scratch_id ON scratch (id);
DROP INDEX IF EXISTS scratch_id;

-- +goose Down
DROP TABLE IF EXISTS scratch;
