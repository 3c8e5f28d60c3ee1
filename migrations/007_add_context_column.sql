-- 007_add_context_column.sql
--
-- Context enrichment: the context gathered when the action was decided
-- (cluster state, related events, metrics snapshot, runbook hints), as JSONB,
-- with a GIN index (jsonb_path_ops: containment queries, @> only).
--
-- DD-SCHEMA-001, DD-012.
--
-- Nullable, no default: a catalog-only change, no partition is rewritten.

-- +goose Up

ALTER TABLE resource_action_traces
    ADD COLUMN IF NOT EXISTS context JSONB;

COMMENT ON COLUMN resource_action_traces.context IS
    'Context gathered when the action was decided: cluster state, related events, metrics, runbook hints';

CREATE INDEX IF NOT EXISTS idx_rat_context
    ON resource_action_traces USING GIN (context jsonb_path_ops);

-- +goose Down

DROP INDEX IF EXISTS idx_rat_context;

-- Dropping the column also drops its comment.
ALTER TABLE resource_action_traces
    DROP COLUMN IF EXISTS context;
