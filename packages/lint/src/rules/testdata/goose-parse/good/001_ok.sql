-- +goose Up
CREATE TABLE IF NOT EXISTS t (id int);

-- +goose Down
DROP TABLE IF EXISTS t;
