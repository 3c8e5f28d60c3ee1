-- +goose Up
CREATE TABLE crlf (
    id int
);

-- comment
SELECT 1;

-- +goose Down
DROP TABLE crlf;
