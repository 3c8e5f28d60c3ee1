-- +goose Up
ANALYZE users;
ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';

-- +goose Down
ALTER TYPE mood RENAME VALUE 'unhappy' TO 'sad';
