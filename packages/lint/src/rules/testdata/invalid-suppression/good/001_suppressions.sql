-- +goose Up
-- gander-lint-ignore renaming -- no running code reads users.name since release 4.2
ALTER TABLE users RENAME COLUMN name TO full_name;

-- +goose Down
ALTER TABLE users RENAME COLUMN full_name TO name;
