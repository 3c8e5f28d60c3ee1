-- +goose Up
CREATE TABLE IF NOT EXISTS d (id int);

-- +goose Down
DROP TABLE IF EXISTS d;
