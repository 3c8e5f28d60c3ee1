-- lock_timeout set inside the block (PERFORM set_config) counts for the statements after it.

-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    perform set_config('lock_timeout', '5s', true);
    ALTER TABLE accounts ADD CONSTRAINT accounts_name_len CHECK (length(name) < 200) NOT VALID;
END
$$;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_name_len;
