-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE ${TABLE_NAME} (id int, note text DEFAULT '${NOTE:-none}');
-- +goose ENVSUB OFF

-- +goose Down
DROP TABLE widgets;
