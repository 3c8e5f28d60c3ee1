-- +goose Up
-- +goose StatementBegin
CREATE TABLE a (id int)
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TABLE b (id int); CREATE TABLE c (id int);
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TABLE a, b, c
-- +goose StatementEnd
