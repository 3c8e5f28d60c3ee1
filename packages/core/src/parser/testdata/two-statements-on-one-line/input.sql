-- +goose Up
SELECT 1; SELECT 2;
SELECT 3;

-- +goose Down
SELECT 4; SELECT 5; -- both in one
