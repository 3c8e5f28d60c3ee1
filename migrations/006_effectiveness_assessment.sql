-- 006_effectiveness_assessment.sql
--
-- Effectiveness assessment framework:
--   action_assessments     one scheduled assessment per action trace
--   effectiveness_results  the outcome of each assessment run
--
-- DD-SCHEMA-001, DD-012.
--
-- Both tables point at a trace by (trace_id, trace_action_timestamp), the
-- primary key of the partitioned resource_action_traces, WITHOUT a foreign
-- key: a foreign key into a partitioned table would make DETACH/DROP of an
-- old partition (retention) fail or cascade. Orphans are removed by the
-- effectiveness monitor.
--
-- Uses update_updated_at_column() from 003.

-- +goose Up

CREATE TABLE IF NOT EXISTS action_assessments (
    id                      BIGSERIAL    PRIMARY KEY,
    trace_id                BIGINT       NOT NULL,
    trace_action_timestamp  TIMESTAMPTZ  NOT NULL,
    action_id               VARCHAR(64)  NOT NULL,
    action_type             VARCHAR(50)  NOT NULL,
    assessment_status       VARCHAR(20)  NOT NULL DEFAULT 'pending',
    scheduled_for           TIMESTAMPTZ  NOT NULL,
    started_at              TIMESTAMPTZ,
    completed_at            TIMESTAMPTZ,
    attempts                INTEGER      NOT NULL DEFAULT 0,
    last_error              TEXT,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_action_assessments_trace UNIQUE (trace_id, trace_action_timestamp),
    CONSTRAINT chk_action_assessments_status
        CHECK (assessment_status IN ('pending', 'in-progress', 'completed', 'failed', 'skipped')),
    CONSTRAINT chk_action_assessments_attempts CHECK (attempts >= 0)
);

CREATE INDEX IF NOT EXISTS idx_action_assessments_pending
    ON action_assessments (scheduled_for)
    WHERE assessment_status = 'pending';

CREATE INDEX IF NOT EXISTS idx_action_assessments_action_type
    ON action_assessments (action_type, completed_at DESC);

CREATE OR REPLACE TRIGGER trg_action_assessments_updated_at
    BEFORE UPDATE ON action_assessments
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE IF NOT EXISTS effectiveness_results (
    id                      BIGSERIAL    PRIMARY KEY,
    assessment_id           BIGINT       NOT NULL,
    trace_id                BIGINT       NOT NULL,
    trace_action_timestamp  TIMESTAMPTZ  NOT NULL,
    traditional_score       NUMERIC(4,3) NOT NULL,
    environmental_impact    NUMERIC(4,3),
    confidence              NUMERIC(4,3) NOT NULL,
    metrics_before          JSONB,
    metrics_after           JSONB,
    side_effects_detected   BOOLEAN      NOT NULL DEFAULT FALSE,
    side_effect_details     JSONB,
    pattern_recognized      BOOLEAN      NOT NULL DEFAULT FALSE,
    recommended_adjustments JSONB,
    assessed_at             TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT fk_effectiveness_results_assessment FOREIGN KEY (assessment_id)
        REFERENCES action_assessments (id) ON DELETE CASCADE,
    CONSTRAINT chk_effectiveness_results_scores
        CHECK (traditional_score BETWEEN 0 AND 1
               AND confidence BETWEEN 0 AND 1
               AND (environmental_impact IS NULL OR environmental_impact BETWEEN -1 AND 1))
);

CREATE INDEX IF NOT EXISTS idx_effectiveness_results_assessment
    ON effectiveness_results (assessment_id);

CREATE INDEX IF NOT EXISTS idx_effectiveness_results_trace
    ON effectiveness_results (trace_id, trace_action_timestamp);

CREATE INDEX IF NOT EXISTS idx_effectiveness_results_assessed_at
    ON effectiveness_results (assessed_at DESC);

-- +goose Down

DROP INDEX IF EXISTS idx_effectiveness_results_assessed_at;
DROP INDEX IF EXISTS idx_effectiveness_results_trace;
DROP INDEX IF EXISTS idx_effectiveness_results_assessment;
DROP TABLE IF EXISTS effectiveness_results;

DROP TRIGGER IF EXISTS trg_action_assessments_updated_at ON action_assessments;
DROP INDEX IF EXISTS idx_action_assessments_action_type;
DROP INDEX IF EXISTS idx_action_assessments_pending;
DROP TABLE IF EXISTS action_assessments;
