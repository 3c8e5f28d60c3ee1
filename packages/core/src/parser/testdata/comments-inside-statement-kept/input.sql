-- +goose Up
CREATE TABLE widget (
    -- primary key
    id int,

    -- human name
    name text
);
