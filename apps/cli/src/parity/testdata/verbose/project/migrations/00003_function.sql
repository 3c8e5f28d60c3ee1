-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION thing_count() RETURNS bigint AS $$
  SELECT count(*) FROM things;
$$ LANGUAGE sql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION thing_count();
