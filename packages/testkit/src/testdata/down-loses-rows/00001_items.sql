-- +goose Up
CREATE TABLE IF NOT EXISTS items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    done boolean NOT NULL DEFAULT false
);

-- +goose Down
DROP TABLE IF EXISTS items;
