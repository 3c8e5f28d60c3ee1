-- +goose Up
SELECT 1;
   
-- this comment is kept because the buffer is no longer empty
SELECT 2;
