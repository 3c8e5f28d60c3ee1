-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;

-- +goose Down
DROP FUNCTION IF EXISTS f();
