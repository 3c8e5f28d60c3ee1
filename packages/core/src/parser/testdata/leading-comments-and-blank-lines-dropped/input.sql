
-- header comment before the annotation

-- +goose Up

-- explains the table
-- second comment line
CREATE TABLE doc (id int);

    -- indented comment between statements
CREATE TABLE doc2 (id int);
-- +goose Down
DROP TABLE doc2;
DROP TABLE doc;
