-- +goose NO TRANSACTION
-- +goose Up
VACUUM (ANALYZE) events;

-- +goose Down
SELECT 1;
