-- +goose Up
-- +goose StatementStart
SELECT 1;
