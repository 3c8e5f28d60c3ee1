--+goose up
SELECT 'lower';
--+goose down
SELECT 'down';
