-- +goose Up
CREATE TABLE invoice (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id),
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    issued_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE invoice
    ADD COLUMN paid_at timestamptz;

-- +goose Down
ALTER TABLE invoice
    DROP COLUMN paid_at;
DROP TABLE invoice;
