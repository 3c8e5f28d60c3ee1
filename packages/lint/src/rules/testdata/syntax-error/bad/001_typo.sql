-- +goose Up
CREATE TABLE IF NOT EXISTS t (
    id int,
    name text,
);

-- +goose Down
DROP TABLE IF EXISTS t;
