-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();
ALTER TABLE users ADD COLUMN IF NOT EXISTS tier text DEFAULT 'free';
ALTER TABLE users ADD COLUMN IF NOT EXISTS token uuid;
ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();
CREATE TABLE IF NOT EXISTS fresh (id int);
ALTER TABLE fresh ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();

-- +goose Down
DROP TABLE IF EXISTS fresh;
ALTER TABLE users DROP COLUMN IF EXISTS token;
ALTER TABLE users DROP COLUMN IF EXISTS tier;
ALTER TABLE users DROP COLUMN IF EXISTS created_at;
