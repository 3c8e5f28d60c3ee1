-- +goose Up
SELECT 0;
-- +goose StatementBegin
CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;

SELECT 'never closed';
