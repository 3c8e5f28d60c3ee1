-- +goose Up
DO $body$
BEGIN
    PERFORM 1;
END
$body$;

-- +goose Down
SELECT 1;
