-- 004_add_effectiveness_assessment_due.sql
--
-- Effectiveness tracking: when an action's effectiveness must be assessed
-- (typically execution_end_time + a stabilisation delay), and when it was.
-- The partial index is the effectiveness monitor's work queue: due and not
-- yet assessed.
--
-- DD-SCHEMA-001, DD-012.
--
-- Both columns are nullable without a default: adding them is a catalog-only
-- change, no partition is rewritten. Existing traces are not back-filled here;
-- the effectiveness monitor schedules them.

-- +goose Up

ALTER TABLE resource_action_traces
    ADD COLUMN IF NOT EXISTS effectiveness_assessment_due TIMESTAMPTZ;

ALTER TABLE resource_action_traces
    ADD COLUMN IF NOT EXISTS effectiveness_assessed_at TIMESTAMPTZ;

CREATE INDEX IF NOT EXISTS idx_rat_effectiveness_assessment_due
    ON resource_action_traces (effectiveness_assessment_due)
    WHERE effectiveness_assessed_at IS NULL;

-- +goose Down

DROP INDEX IF EXISTS idx_rat_effectiveness_assessment_due;

ALTER TABLE resource_action_traces
    DROP COLUMN IF EXISTS effectiveness_assessed_at;

ALTER TABLE resource_action_traces
    DROP COLUMN IF EXISTS effectiveness_assessment_due;
