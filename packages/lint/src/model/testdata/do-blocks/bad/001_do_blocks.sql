-- DO blocks on an existing table: each statement the body runs is linted at its own line.

-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute
                    WHERE attrelid = 'accounts'::regclass AND attname = 'note') THEN
        ALTER TABLE accounts ADD COLUMN note text NOT NULL;
    END IF;
    CREATE INDEX IF NOT EXISTS accounts_email ON accounts (email);
    EXECUTE 'ALTER TABLE accounts ALTER COLUMN email TYPE varchar(100)';
    -- Built at run time: nothing can be read from it statically.
    EXECUTE format('ALTER TABLE %I RENAME COLUMN a TO b', 'accounts');
    CREATE TABLE audit_log (id bigint);
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO 'BEGIN DROP TABLE audit_log; END';
-- +goose StatementEnd
DROP INDEX IF EXISTS accounts_email;
ALTER TABLE accounts DROP COLUMN IF EXISTS note;
