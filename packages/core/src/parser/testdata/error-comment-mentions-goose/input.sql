-- +goose Up
-- this file is run by +goose, do not rename
SELECT 1;
