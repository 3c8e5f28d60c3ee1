-- +goose Up
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
CREATE TABLE IF NOT EXISTS fresh (id int);
ALTER TABLE fresh ADD CONSTRAINT fresh_pk PRIMARY KEY (id);

-- +goose Down
DROP TABLE IF EXISTS fresh;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;
