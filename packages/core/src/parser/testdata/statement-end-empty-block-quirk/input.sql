-- +goose Up
-- +goose StatementBegin
-- only a comment in this block
-- +goose StatementEnd
SELECT 'this line is swallowed';
SELECT 'this one survives';

-- +goose Down
SELECT 'down';
