-- +goose ENVSUB ON
-- +goose Up
SELECT '${REQUIRED_BUT_UNSET?}';
