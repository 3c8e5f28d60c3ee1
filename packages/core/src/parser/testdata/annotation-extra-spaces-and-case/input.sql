-- +goose   UP 	
SELECT 1;
--   +goose    DoWn   
SELECT 2;
