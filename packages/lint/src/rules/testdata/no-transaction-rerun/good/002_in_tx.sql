-- +goose Up
CREATE TYPE mood AS ENUM ('ok');

-- +goose Down
DROP TYPE IF EXISTS mood;
