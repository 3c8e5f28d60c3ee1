-- +goose ENVSUB ON
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION two() RETURNS int AS $$ SELECT 2 $$ LANGUAGE sql;
-- +goose StatementEnd
