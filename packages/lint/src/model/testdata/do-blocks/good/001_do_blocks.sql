-- DO blocks that are quiet: a lock_timeout first, guarded statements, objects
-- the same migration creates (also inside a DO block), and EXECUTE of a
-- string built at run time.

-- +goose Up
SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind text);

-- +goose StatementBegin
DO $$
BEGIN
    CREATE INDEX IF NOT EXISTS events_kind ON events (kind);
    IF to_regclass('archive') IS NULL THEN
        CREATE TABLE archive (id bigint, at timestamptz);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'accounts_email_len') THEN
        ALTER TABLE accounts ADD CONSTRAINT accounts_email_len CHECK (length(email) < 300) NOT VALID;
    END IF;
    EXECUTE format('ALTER TABLE %I RENAME COLUMN a TO b', 'accounts');
    -- gander-lint-ignore renaming -- nothing reads accounts.a since release 2.1
    ALTER TABLE accounts RENAME COLUMN a TO b;
END;
$$;
-- +goose StatementEnd

CREATE INDEX IF NOT EXISTS archive_at ON archive (at);

-- +goose Down
DROP INDEX IF EXISTS archive_at;
DROP INDEX IF EXISTS events_kind;
DROP TABLE IF EXISTS archive;
DROP TABLE IF EXISTS events;
