-- +goose Up
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS after_it (id int);

-- +goose Down
DROP TABLE IF EXISTS after_it;
DROP FUNCTION IF EXISTS touch();
