-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN IF NOT EXISTS lucky float8 DEFAULT random();
ALTER TABLE users ADD COLUMN IF NOT EXISTS name_upper text GENERATED ALWAYS AS (upper(name)) STORED;

-- +goose Down
ALTER TABLE users DROP COLUMN IF EXISTS name_upper;
ALTER TABLE users DROP COLUMN IF EXISTS lucky;
ALTER TABLE users DROP COLUMN IF EXISTS token;
