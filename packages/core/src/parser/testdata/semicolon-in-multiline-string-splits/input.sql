-- +goose Up
INSERT INTO note (body) VALUES ('first line;
second line');
SELECT 'after';

-- +goose Down
DELETE FROM note;
