-- +goose Up
-- +goose ſtatementBegin
SELECT 1
-- +goose StatementEnd
