-- +goose Up
SELECT 1;
-- comment
UPDATE account
   SET email = lower(email)
