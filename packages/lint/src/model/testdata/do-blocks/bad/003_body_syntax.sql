-- +goose Up
CREATE TABLE IF NOT EXISTS flags (id bigint);

-- +goose Down
-- +goose StatementBegin
DO $$
BEGIN
    SELEC 1;
END
$$;
-- +goose StatementEnd
DROP TABLE IF EXISTS flags;
