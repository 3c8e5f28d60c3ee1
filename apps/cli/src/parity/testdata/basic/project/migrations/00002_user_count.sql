-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION user_count() RETURNS bigint AS $$
BEGIN
  RETURN (SELECT count(*) FROM users);
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION user_count();
