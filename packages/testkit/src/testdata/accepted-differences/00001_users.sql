-- +goose Up
CREATE TABLE IF NOT EXISTS users (
    id bigserial PRIMARY KEY,
    legacy_flag boolean,
    email text NOT NULL
);

-- +goose Down
DROP TABLE IF EXISTS users;
