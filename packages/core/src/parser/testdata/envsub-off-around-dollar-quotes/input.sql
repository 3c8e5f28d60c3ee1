-- +goose Up
-- +goose ENVSUB ON
CREATE SCHEMA ${APP_SCHEMA};
-- +goose ENVSUB OFF
-- +goose StatementBegin
CREATE FUNCTION one() RETURNS int AS $$
BEGIN
    RETURN 1;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
