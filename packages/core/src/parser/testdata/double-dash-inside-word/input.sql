-- +goose Up
SELECT 'a--b';
SELECT 1 --;
;
