-- 012_adr033_multidimensional_tracking.sql
--
-- ADR-033: Remediation Playbook Catalog & Multi-Dimensional Success Tracking.
-- BR-STORAGE-031-03: ADR-033 schema migration (11 columns, 6 indexes).
--
-- Success of a remediation is tracked along several dimensions at once:
-- the incident (type, severity, fingerprint), the playbook (id, version,
-- step, execution) and how the AI chose it (selected, chained, escalated to
-- a human, customized).
--
-- 11 new columns on resource_action_traces:
--   incident_type, incident_severity, incident_fingerprint,
--   playbook_id, playbook_version, playbook_step_number, playbook_execution_id,
--   ai_selected_playbook, ai_chained_playbooks, ai_manual_escalation,
--   ai_playbook_customization
-- 6 new indexes on resource_action_traces:
--   idx_incident_type_success, idx_playbook_success, idx_playbook_execution,
--   idx_action_type_incident_type, idx_ai_execution_mode, idx_incident_fingerprint
--
-- DD-012. All new columns are nullable or have a constant default: adding
-- them is catalog-only (no partition is rewritten), and existing rows keep
-- their data.
--
-- Indexes: resource_action_traces is partitioned, and PostgreSQL cannot
-- CREATE INDEX CONCURRENTLY on a partitioned table. A plain CREATE INDEX on
-- the parent, inside this migration's transaction, builds the index on every
-- partition (it blocks writes to the table while it builds). Doing it
-- without blocking would need CREATE INDEX ON ONLY + CONCURRENTLY per
-- partition + ATTACH PARTITION, in a NO TRANSACTION migration.

-- +goose Up

ALTER TABLE resource_action_traces
    ADD COLUMN IF NOT EXISTS incident_type              VARCHAR(100),
    ADD COLUMN IF NOT EXISTS incident_severity          VARCHAR(20),
    ADD COLUMN IF NOT EXISTS incident_fingerprint       VARCHAR(64),
    ADD COLUMN IF NOT EXISTS playbook_id                VARCHAR(64),
    ADD COLUMN IF NOT EXISTS playbook_version           VARCHAR(20),
    ADD COLUMN IF NOT EXISTS playbook_step_number       INTEGER,
    ADD COLUMN IF NOT EXISTS playbook_execution_id      VARCHAR(64),
    ADD COLUMN IF NOT EXISTS ai_selected_playbook       BOOLEAN DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS ai_chained_playbooks       BOOLEAN DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS ai_manual_escalation       BOOLEAN DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS ai_playbook_customization  JSONB;

-- Success rate per incident type (ADR-033 primary dimension).
CREATE INDEX IF NOT EXISTS idx_incident_type_success
    ON resource_action_traces (incident_type, status, action_timestamp DESC)
    WHERE incident_type IS NOT NULL;

-- Success rate per playbook version.
CREATE INDEX IF NOT EXISTS idx_playbook_success
    ON resource_action_traces (playbook_id, playbook_version, status, action_timestamp DESC)
    WHERE playbook_id IS NOT NULL;

-- Steps of one playbook execution, in order.
CREATE INDEX IF NOT EXISTS idx_playbook_execution
    ON resource_action_traces (playbook_execution_id, playbook_step_number)
    WHERE playbook_execution_id IS NOT NULL;

-- Success of an action type within an incident type.
CREATE INDEX IF NOT EXISTS idx_action_type_incident_type
    ON resource_action_traces (action_type, incident_type, status)
    WHERE incident_type IS NOT NULL;

-- How the AI chose the remediation (selected / chained / escalated).
CREATE INDEX IF NOT EXISTS idx_ai_execution_mode
    ON resource_action_traces (ai_selected_playbook, ai_chained_playbooks, ai_manual_escalation, action_timestamp DESC);

-- Repeated occurrences of the same incident.
CREATE INDEX IF NOT EXISTS idx_incident_fingerprint
    ON resource_action_traces (incident_fingerprint, action_timestamp DESC)
    WHERE incident_fingerprint IS NOT NULL;

-- +goose Down

DROP INDEX IF EXISTS idx_incident_fingerprint;

DROP INDEX IF EXISTS idx_ai_execution_mode;

DROP INDEX IF EXISTS idx_action_type_incident_type;

DROP INDEX IF EXISTS idx_playbook_execution;

DROP INDEX IF EXISTS idx_playbook_success;

DROP INDEX IF EXISTS idx_incident_type_success;

ALTER TABLE resource_action_traces
    DROP COLUMN IF EXISTS ai_playbook_customization,
    DROP COLUMN IF EXISTS ai_manual_escalation,
    DROP COLUMN IF EXISTS ai_chained_playbooks,
    DROP COLUMN IF EXISTS ai_selected_playbook,
    DROP COLUMN IF EXISTS playbook_execution_id,
    DROP COLUMN IF EXISTS playbook_step_number,
    DROP COLUMN IF EXISTS playbook_version,
    DROP COLUMN IF EXISTS playbook_id,
    DROP COLUMN IF EXISTS incident_fingerprint,
    DROP COLUMN IF EXISTS incident_severity,
    DROP COLUMN IF EXISTS incident_type;
