-- +goose Up
-- +goose StatementBegin

-- dropped: before the statement
CREATE VIEW v AS SELECT 1;

-- kept: after the statement started
-- +goose StatementEnd
