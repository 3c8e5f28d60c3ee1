-- 008_context_api_compatibility.sql
--
-- Read model for the Context API (DD-SCHEMA-001: other services read through
-- the Data Storage REST API, which serves these views):
--   context_api_action_traces       traces joined with the resource they acted on
--   context_api_action_effectiveness per (action type, alert) outcome summary
--   context_api_pending_assessments assessments still to run, with their trace
--
-- DD-012.
--
-- Explicit column lists (no SELECT *), and the embedding column (005/009) is
-- deliberately not exposed: a view that used it would block 009's
-- ALTER COLUMN ... TYPE. 011 renames the alert_* view columns to signal_*.

-- +goose Up

CREATE OR REPLACE VIEW context_api_action_traces AS
SELECT
    rat.id,
    rat.action_id,
    rat.correlation_id,
    rat.action_type,
    rat.action_timestamp,
    rat.status,
    rat.alert_name,
    rat.alert_severity,
    rat.alert_labels,
    rat.model_used,
    rat.model_confidence,
    rat.action_parameters,
    rat.execution_start_time,
    rat.execution_end_time,
    rat.execution_duration_ms,
    rat.effectiveness_score,
    rat.effectiveness_assessed_at,
    rat.context,
    rr.resource_uid,
    rr.namespace,
    rr.kind AS resource_kind,
    rr.name AS resource_name
FROM resource_action_traces rat
JOIN action_histories ah ON ah.id = rat.action_history_id
JOIN resource_references rr ON rr.id = ah.resource_id;

CREATE OR REPLACE VIEW context_api_action_effectiveness AS
SELECT
    rat.action_type,
    rat.alert_name,
    COUNT(*) AS total_actions,
    COUNT(*) FILTER (WHERE rat.status = 'completed') AS successful_actions,
    COUNT(*) FILTER (WHERE rat.status IN ('failed', 'rolled-back')) AS failed_actions,
    ROUND(AVG(rat.effectiveness_score), 3) AS avg_effectiveness,
    MAX(rat.action_timestamp) AS last_action_at
FROM resource_action_traces rat
GROUP BY rat.action_type, rat.alert_name;

CREATE OR REPLACE VIEW context_api_pending_assessments AS
SELECT
    aa.id AS assessment_id,
    aa.action_id,
    aa.action_type,
    aa.scheduled_for,
    aa.attempts,
    rat.action_timestamp,
    rat.status AS action_status,
    rat.context
FROM action_assessments aa
JOIN resource_action_traces rat
  ON rat.id = aa.trace_id
 AND rat.action_timestamp = aa.trace_action_timestamp
WHERE aa.assessment_status = 'pending';

-- +goose Down

DROP VIEW IF EXISTS context_api_pending_assessments;

DROP VIEW IF EXISTS context_api_action_effectiveness;

DROP VIEW IF EXISTS context_api_action_traces;
