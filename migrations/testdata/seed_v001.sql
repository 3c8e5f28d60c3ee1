-- seed_v001.sql: small data set valid at schema version 001.
--
-- Uses only what 001_initial_schema.sql creates (alert_* column names, no
-- functions or triggers). Load it ONCE into a database migrated to exactly
-- version 001, then migrate up: the rows must survive every later migration.
--
--   12 resource_references / 12 action_histories
--   200 resource_action_traces, one every 57 hours from 2024-10-01:
--       193 in the monthly partitions 2024-10 .. 2025-12,
--       7 dated 2026-01, which at version 001 land in resource_action_traces_default
--       (002 creates the 2026-01 partition and moves them there)
--   + 5 traces dated 2024-09, before the first partition (DEFAULT partition)
--   6 oscillation_detections, 2 retention_operations
--
-- Plain SQL, no goose annotations: send the whole file as one multi-statement
-- query (or psql -v ON_ERROR_STOP=1 -f). All values are deterministic.

INSERT INTO resource_references (resource_uid, api_version, kind, name, namespace, created_at, updated_at, last_seen)
SELECT
    md5('seed-v001-resource-' || g)::uuid::text,
    CASE WHEN g % 4 = 3 THEN 'v1' ELSE 'apps/v1' END,
    (ARRAY['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'])[1 + g % 4],
    'seedv1-' || lower((ARRAY['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'])[1 + g % 4]) || '-' || g,
    (ARRAY['production', 'staging', 'monitoring'])[1 + g % 3],
    TIMESTAMPTZ '2024-09-15 00:00:00+00' + g * INTERVAL '1 hour',
    TIMESTAMPTZ '2024-09-15 00:00:00+00' + g * INTERVAL '1 hour',
    TIMESTAMPTZ '2026-01-20 00:00:00+00'
FROM generate_series(1, 12) AS g;

INSERT INTO action_histories (resource_id, max_actions, max_age_days, compaction_strategy, oscillation_window_minutes, effectiveness_threshold, created_at, updated_at)
SELECT
    rr.id,
    1000,
    CASE WHEN rr.namespace = 'production' THEN 90 ELSE 30 END,
    'pattern-aware',
    120,
    0.700,
    rr.created_at,
    rr.created_at
FROM resource_references rr
WHERE rr.name LIKE 'seedv1-%';

INSERT INTO resource_action_traces (
    action_history_id, action_id, correlation_id, action_type, action_timestamp,
    execution_start_time, execution_end_time, execution_duration_ms, status,
    alert_name, alert_severity, alert_labels, alert_annotations, alert_firing_time,
    model_used, model_confidence, model_reasoning, action_parameters,
    resource_state_before, resource_state_after, effectiveness_score, error_message,
    created_at, updated_at
)
SELECT
    h.id,
    'seedv1-act-' || lpad(g::text, 6, '0'),
    'seedv1-corr-' || (g / 3),
    (ARRAY['scale_deployment', 'restart_pod', 'increase_resources', 'rollback_deployment', 'cleanup_storage', 'notify_only'])[1 + g % 6],
    t.ts,
    t.ts + INTERVAL '2 seconds',
    CASE WHEN g % 25 = 0 THEN NULL ELSE t.ts + INTERVAL '2 seconds' + (g % 40) * INTERVAL '1 second' END,
    CASE WHEN g % 25 = 0 THEN NULL ELSE (g % 40) * 1000 END,
    CASE WHEN g % 25 = 0 THEN 'executing'
         WHEN g % 10 = 3 THEN 'failed'
         WHEN g % 20 = 7 THEN 'rolled-back'
         ELSE 'completed' END,
    (ARRAY['HighMemoryUsage', 'PodCrashLooping', 'HighCPUUsage', 'DiskSpaceLow', 'DeploymentReplicasMismatch'])[1 + g % 5],
    (ARRAY['warning', 'critical', 'warning', 'critical', 'info'])[1 + g % 5],
    jsonb_build_object('alertname', (ARRAY['HighMemoryUsage', 'PodCrashLooping', 'HighCPUUsage', 'DiskSpaceLow', 'DeploymentReplicasMismatch'])[1 + g % 5],
                       'namespace', (ARRAY['production', 'staging', 'monitoring'])[1 + g % 3],
                       'team', 'platform'),
    jsonb_build_object('summary', 'seed v001 alert ' || g),
    t.ts - INTERVAL '3 minutes',
    (ARRAY['gpt-4o', 'granite-3.1-8b', 'llama-3.1-70b'])[1 + g % 3],
    round((0.55 + (g % 45) / 100.0)::numeric, 3),
    'Seed reasoning for action ' || g,
    jsonb_build_object('replicas', 2 + g % 4, 'dry_run', false),
    jsonb_build_object('replicas', 2, 'ready', 1),
    CASE WHEN g % 25 = 0 THEN NULL ELSE jsonb_build_object('replicas', 2 + g % 4, 'ready', 2 + g % 4) END,
    CASE WHEN g % 25 = 0 OR g % 10 = 3 THEN NULL ELSE round((0.4 + (g % 60) / 100.0)::numeric, 3) END,
    CASE WHEN g % 10 = 3 THEN 'seed failure ' || g ELSE NULL END,
    t.ts,
    t.ts
FROM generate_series(1, 200) AS g
CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2024-10-01 00:00:00+00' + (g - 1) * INTERVAL '57 hours' AS ts) AS t
JOIN (
    SELECT ah.id, row_number() OVER (ORDER BY rr.name) AS rn
    FROM action_histories ah
    JOIN resource_references rr ON rr.id = ah.resource_id
    WHERE rr.name LIKE 'seedv1-%'
) AS h ON h.rn = 1 + g % 12;

-- Five traces dated before the first monthly partition: DEFAULT partition.
INSERT INTO resource_action_traces (
    action_history_id, action_id, action_type, action_timestamp, status,
    alert_name, alert_severity, model_used, model_confidence, created_at, updated_at
)
SELECT
    h.id,
    'seedv1-early-' || g,
    'restart_pod',
    TIMESTAMPTZ '2024-09-20 12:00:00+00' + g * INTERVAL '1 day',
    'completed',
    'PodCrashLooping',
    'critical',
    'gpt-4o',
    0.800,
    TIMESTAMPTZ '2024-09-20 12:00:00+00' + g * INTERVAL '1 day',
    TIMESTAMPTZ '2024-09-20 12:00:00+00' + g * INTERVAL '1 day'
FROM generate_series(1, 5) AS g
JOIN (
    SELECT ah.id, row_number() OVER (ORDER BY rr.name) AS rn
    FROM action_histories ah
    JOIN resource_references rr ON rr.id = ah.resource_id
    WHERE rr.name LIKE 'seedv1-%'
) AS h ON h.rn = g;

UPDATE action_histories ah
SET total_actions = s.n,
    last_action_at = s.last_at
FROM (
    SELECT action_history_id, count(*) AS n, max(action_timestamp) AS last_at
    FROM resource_action_traces
    WHERE action_id LIKE 'seedv1-%'
    GROUP BY action_history_id
) AS s
WHERE s.action_history_id = ah.id;

INSERT INTO oscillation_detections (
    pattern_id, resource_id, detected_at, confidence, action_count,
    first_action_at, last_action_at, prevention_applied, prevention_action, resolved, resolved_at
)
SELECT
    op.id,
    rr.id,
    TIMESTAMPTZ '2025-03-01 00:00:00+00' + g * INTERVAL '9 days',
    0.850,
    3 + g % 3,
    TIMESTAMPTZ '2025-03-01 00:00:00+00' + g * INTERVAL '9 days' - INTERVAL '50 minutes',
    TIMESTAMPTZ '2025-03-01 00:00:00+00' + g * INTERVAL '9 days' - INTERVAL '5 minutes',
    g % 2 = 0,
    CASE WHEN g % 2 = 0 THEN 'block-action' END,
    g <= 4,
    CASE WHEN g <= 4 THEN TIMESTAMPTZ '2025-03-01 00:00:00+00' + g * INTERVAL '9 days' + INTERVAL '2 hours' END
FROM generate_series(1, 6) AS g
JOIN oscillation_patterns op
  ON op.pattern_name = (ARRAY['scale-up-down-flapping', 'restart-loop', 'resource-limit-thrashing'])[1 + g % 3]
JOIN resource_references rr
  ON rr.name LIKE 'seedv1-%' AND rr.resource_uid = md5('seed-v001-resource-' || g)::uuid::text;

INSERT INTO retention_operations (
    action_history_id, operation_type, retention_strategy, criteria,
    records_before, records_after, records_deleted, operation_start, operation_end, status
)
SELECT
    NULL,
    'cleanup',
    'time-based',
    jsonb_build_object('retention', '365 days'),
    1000 * g,
    1000 * g,
    0,
    TIMESTAMPTZ '2025-06-01 03:00:00+00' + g * INTERVAL '30 days',
    TIMESTAMPTZ '2025-06-01 03:00:05+00' + g * INTERVAL '30 days',
    'completed'
FROM generate_series(1, 2) AS g;
