-- +goose NO  TRANSACTION
-- +goose Up
SELECT 1;
