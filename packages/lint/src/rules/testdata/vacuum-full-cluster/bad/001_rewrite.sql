-- +goose NO TRANSACTION
-- +goose Up
VACUUM FULL events;
CLUSTER events USING events_pkey;

-- +goose Down
SELECT 1;
