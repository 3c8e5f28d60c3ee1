-- +goose Up
SELECT 1;
-- +goose
SELECT 2;
