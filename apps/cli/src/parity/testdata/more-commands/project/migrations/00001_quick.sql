-- +goose Up
CREATE TABLE quick (id int);

-- +goose Down
DROP TABLE quick;
