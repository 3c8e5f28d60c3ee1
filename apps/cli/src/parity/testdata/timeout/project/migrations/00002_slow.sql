-- +goose Up
CREATE TABLE slow (id int);
SELECT pg_sleep(3);

-- +goose Down
DROP TABLE slow;
