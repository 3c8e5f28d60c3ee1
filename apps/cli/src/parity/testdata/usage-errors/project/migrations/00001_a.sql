-- +goose Up
CREATE TABLE t1 (id int);

-- +goose Down
DROP TABLE t1;
