-- +goose Up
CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX account_email_idx ON account (email);
INSERT INTO account (id, email) VALUES (1, 'ops@example.com');

-- +goose Down
DROP TABLE account;
