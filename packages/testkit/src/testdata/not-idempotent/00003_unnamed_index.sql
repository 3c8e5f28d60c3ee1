-- +goose Up
-- Not idempotent either, though it never fails: an unnamed index gets a new
-- name (users_email_idx1) the second time.
CREATE INDEX ON users (email);

-- +goose Down
DROP INDEX IF EXISTS users_email_idx;
