-- +goose Up
-- gander-lint-ignore dropping -- unused since release 4.2, backed up in archive.users_legacy
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flags;
CREATE TABLE IF NOT EXISTS scratch (id int);
DROP TABLE IF EXISTS scratch;

-- +goose Down
-- Down drops what Up created: that is what a rollback is for.
ALTER TABLE users ADD COLUMN IF NOT EXISTS legacy_flags int;
