-- +goose Up
CREATE TABLE forever (id int);
