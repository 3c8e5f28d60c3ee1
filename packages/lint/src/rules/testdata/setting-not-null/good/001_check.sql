-- +goose Up
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
CREATE TABLE IF NOT EXISTS fresh (id int);
ALTER TABLE fresh ALTER COLUMN id SET NOT NULL;

-- +goose Down
DROP TABLE IF EXISTS fresh;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_not_null;
