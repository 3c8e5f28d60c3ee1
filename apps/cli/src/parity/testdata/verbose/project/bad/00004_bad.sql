-- +goose Up
CREATE TABLE fine (id int);
DROP TABLE no_such_table;

-- +goose Down
DROP TABLE fine;
