-- +goose Up
-- Inside StatementBegin/End goose does not split: a missing closing $$ here is
-- a plain syntax error (syntax-error's finding), not a split body.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION broken() RETURNS int AS $$
BEGIN
    RETURN 1;
END;
LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION IF EXISTS broken();
