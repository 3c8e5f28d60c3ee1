-- +goose +goose Up
SELECT 1;
