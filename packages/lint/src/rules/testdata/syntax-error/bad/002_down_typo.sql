-- +goose Up
CREATE TABLE IF NOT EXISTS u (id int);

-- +goose Down
DROP TABEL IF EXISTS u;
