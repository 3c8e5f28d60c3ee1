-- +goose Up
CREATE TABLE t3 (id int);

-- +goose Down
DROP TABLE t3;
