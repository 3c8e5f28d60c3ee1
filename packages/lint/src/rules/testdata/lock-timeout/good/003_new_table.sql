-- +goose Up
CREATE TABLE IF NOT EXISTS fresh (id int);
ALTER TABLE fresh ADD COLUMN IF NOT EXISTS note text;

-- +goose Down
DROP TABLE IF EXISTS fresh;
