-- +goose Up
CREATE TABLE keep_me (id int);

-- +goose Down
