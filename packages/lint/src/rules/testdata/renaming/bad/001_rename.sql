-- +goose Up
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE accounts RENAME TO customers;

-- +goose Down
ALTER TABLE customers RENAME TO accounts;
ALTER TABLE users RENAME COLUMN full_name TO name;
