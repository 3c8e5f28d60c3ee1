-- +goose Up
-- gander-lint-ignore renaming
ALTER TABLE users RENAME COLUMN name TO full_name;
-- gander-lint-ignore no-such-rule -- reason given
ALTER TABLE users RENAME COLUMN email TO mail;
-- gander-lint-ignore -- a reason but no rule
ALTER TABLE users RENAME COLUMN a TO b;

-- +goose Down
ALTER TABLE users RENAME COLUMN full_name TO name;
