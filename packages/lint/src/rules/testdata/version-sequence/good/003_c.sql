-- +goose Up
CREATE TABLE IF NOT EXISTS c (id int);

-- +goose Down
DROP TABLE IF EXISTS c;
