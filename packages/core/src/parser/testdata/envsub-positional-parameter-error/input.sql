-- +goose ENVSUB ON
-- +goose Up
PREPARE q AS SELECT $1;
