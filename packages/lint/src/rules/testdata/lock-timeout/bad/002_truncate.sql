-- +goose Up
TRUNCATE audit_scratch;

-- +goose Down
SELECT 1;
