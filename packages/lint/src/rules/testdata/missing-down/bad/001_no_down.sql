-- +goose Up
CREATE TABLE IF NOT EXISTS a (id int);
