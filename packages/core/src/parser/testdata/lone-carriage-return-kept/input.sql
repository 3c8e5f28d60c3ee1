-- +goose Up
SELECT '';
SELECT 2;
