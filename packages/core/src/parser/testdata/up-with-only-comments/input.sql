-- +goose Up
-- nothing to do yet

-- +goose Down
-- nothing either
