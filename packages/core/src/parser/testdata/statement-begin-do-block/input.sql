-- +goose Up
-- +goose StatementBegin
DO $body$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'archive' LOOP
        EXECUTE format('ALTER TABLE archive.%I SET (autovacuum_enabled = false);', r.tablename);
    END LOOP;
END
$body$;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
