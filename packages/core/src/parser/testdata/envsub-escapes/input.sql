-- +goose ENVSUB ON
-- +goose Up
SELECT '$$', '\$HOME', 'a\\b', '$(date)', '$HOME'
    -- a dollar sign at the very end of a line stays as it is: $
;
