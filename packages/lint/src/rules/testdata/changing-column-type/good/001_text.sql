-- +goose Up
ALTER TABLE events ALTER COLUMN code TYPE text;
ALTER TABLE events ALTER COLUMN label TYPE varchar;

-- +goose Down
ALTER TABLE events ALTER COLUMN label TYPE varchar(50);
ALTER TABLE events ALTER COLUMN code TYPE varchar(10);
