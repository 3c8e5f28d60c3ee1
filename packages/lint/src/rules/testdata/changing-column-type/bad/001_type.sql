-- +goose Up
ALTER TABLE events ALTER COLUMN id TYPE bigint;
ALTER TABLE events ALTER COLUMN code TYPE varchar(10);

-- +goose Down
ALTER TABLE events ALTER COLUMN code TYPE text;
ALTER TABLE events ALTER COLUMN id TYPE int;
