-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO users VALUES (1, 'root');

-- +goose Down
DROP TABLE users;
