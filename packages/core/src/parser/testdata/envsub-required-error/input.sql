-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE t (
    id int,
    ${COLUMN_NAME?set COLUMN_NAME first} text
);
