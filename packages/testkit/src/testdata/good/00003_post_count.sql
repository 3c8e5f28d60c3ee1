-- +goose Up
ALTER TABLE users ADD COLUMN IF NOT EXISTS post_count integer NOT NULL DEFAULT 0;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION bump_post_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET post_count = post_count + 1 WHERE id = NEW.user_id;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE OR REPLACE TRIGGER trg_posts_count AFTER INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION bump_post_count();

-- +goose Down
DROP TRIGGER IF EXISTS trg_posts_count ON posts;
DROP FUNCTION IF EXISTS bump_post_count();
ALTER TABLE users DROP COLUMN IF EXISTS post_count;
