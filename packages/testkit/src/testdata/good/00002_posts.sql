-- +goose Up
CREATE TABLE IF NOT EXISTS posts (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_posts_user_id ON posts (user_id, created_at DESC);
CREATE OR REPLACE VIEW recent_posts AS
SELECT p.id, u.email, p.body FROM posts p JOIN users u ON u.id = p.user_id;

-- +goose Down
DROP VIEW IF EXISTS recent_posts;
DROP INDEX IF EXISTS idx_posts_user_id;
DROP TABLE IF EXISTS posts;
