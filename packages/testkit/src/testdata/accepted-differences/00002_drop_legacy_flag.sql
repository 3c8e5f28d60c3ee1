-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flag;

-- +goose Down
-- Re-added at the end: email now comes before it (a harmless position change);
-- the extension is kept on purpose (other schemas use it).
ALTER TABLE users ADD COLUMN IF NOT EXISTS legacy_flag boolean;
