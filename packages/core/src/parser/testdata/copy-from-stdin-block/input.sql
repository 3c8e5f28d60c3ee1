-- +goose Up
-- +goose StatementBegin
COPY colour (id, name) FROM stdin;
1	red
2	green
\.
-- +goose StatementEnd
