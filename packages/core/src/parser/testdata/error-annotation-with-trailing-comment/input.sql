-- +goose Up -- create things
SELECT 1;
