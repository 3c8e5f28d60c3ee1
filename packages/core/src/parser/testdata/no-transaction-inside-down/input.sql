-- +goose Up
SELECT 1;

-- +goose Down
-- +goose NO TRANSACTION
SELECT 2;
