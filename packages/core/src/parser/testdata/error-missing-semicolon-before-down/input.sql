-- +goose Up
CREATE TABLE first (id int);

ALTER TABLE first
    ADD COLUMN name text

-- +goose Down
DROP TABLE first;
