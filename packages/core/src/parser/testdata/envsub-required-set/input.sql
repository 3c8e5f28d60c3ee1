-- +goose ENVSUB ON
-- +goose Up
SELECT '${REGION?region is required}';
