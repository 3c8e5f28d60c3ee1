-- +goose Up
CREATE TABLE IF NOT EXISTS events (id bigint, kind text);
-- events was created just above: nobody can be writing to it yet.
CREATE INDEX IF NOT EXISTS events_kind ON events (kind);

-- +goose Down
DROP TABLE IF EXISTS events;
