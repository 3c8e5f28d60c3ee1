-- +goose ENVSUB ON
-- +goose Up
SELECT '${WORD:2}', '${WORD:1:3}', '${WORD: -3}', '${WORD:0:-2}', '${WORD:20}', '${WORD: -20:2}';
