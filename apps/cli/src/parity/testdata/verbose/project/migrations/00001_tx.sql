-- +goose Up
-- a comment goose's -v strips from the statement
CREATE TABLE things (id int);
INSERT INTO things VALUES (1);

-- +goose Down
DROP TABLE things;
