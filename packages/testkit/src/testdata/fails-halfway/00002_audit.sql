-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE IF NOT EXISTS audit_log (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL
);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_audit_user ON audit_log_typo (user_id);

ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS at timestamptz;

-- +goose Down
DROP TABLE IF EXISTS audit_log;
