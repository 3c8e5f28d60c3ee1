-- +goose Up
CREATE TABLE t2 (id int);

-- +goose Down
DROP TABLE t2;
