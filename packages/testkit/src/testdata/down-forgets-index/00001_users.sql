-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'user_role' AND typnamespace = 'public'::regnamespace) THEN
        CREATE TYPE user_role AS ENUM ('member', 'admin');
    END IF;
END;
$$;
-- +goose StatementEnd

CREATE TABLE IF NOT EXISTS users (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    role user_role NOT NULL DEFAULT 'member'
);

COMMENT ON TABLE users IS 'people who sign in';

-- +goose Down
DROP TABLE IF EXISTS users;
DROP TYPE IF EXISTS user_role;
