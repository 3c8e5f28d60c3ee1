-- +goose Up
CREATE TABLE IF NOT EXISTS b (id int);

-- +goose Down
DROP TABLE IF EXISTS b;
