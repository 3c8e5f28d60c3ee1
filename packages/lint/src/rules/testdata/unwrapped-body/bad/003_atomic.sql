-- +goose Up
CREATE OR REPLACE FUNCTION add_one(i int) RETURNS int
LANGUAGE sql
BEGIN ATOMIC
    SELECT i + 1;
END;

-- +goose Down
DROP FUNCTION IF EXISTS add_one(int);
