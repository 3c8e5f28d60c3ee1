-- +goose Up
CREATE TABLE IF NOT EXISTS staging_users (id int, nm text);
ALTER TABLE staging_users RENAME COLUMN nm TO name;

-- +goose Down
DROP TABLE IF EXISTS staging_users;
