-- +goose Up
-- +goose ENVSUB ON
SELECT '${NAME!x}';
