-- +goose Up
CREATE TABLE IF NOT EXISTS b (id int);

-- +goose Down
-- nothing to do
