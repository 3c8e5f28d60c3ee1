-- seed_test_data.sql: test data set valid at schema version 012.
--
-- Load it ONCE into a database migrated to version 012 (needs pgvector:
-- embeddings are vector(1536), the 009+ dimension). Uses the 011+ names
-- (signal_*) and fills the ADR-033 columns (012) from 2025-06 on.
--
--   60 resource_references / 60 action_histories
--   3000 resource_action_traces, one every 254 minutes from 2024-10-01 00:04
--        to 2026-03-14: partitions 2024-10 .. 2025-12 (001) and 2026-01 .. 2026-03 (002)
--   + 12 traces dated 2024-09 and 6 dated 2026-08: DEFAULT partition
--   1000 embeddings (every third trace), set by the last statement as the
--        embedding job would, after the traces are written
--   action_assessments / effectiveness_results for completed traces with an
--        effectiveness score, notification_audit, audit_events,
--        oscillation_detections, retention_operations
--
-- Plain SQL, no goose annotations: send the whole file as one multi-statement
-- query (or psql -v ON_ERROR_STOP=1 -f). All values are deterministic
-- (no random(), no now()) except created_at/updated_at defaults where noted.

INSERT INTO resource_references (resource_uid, api_version, kind, name, namespace, created_at, updated_at, last_seen)
SELECT
    md5('seed-resource-' || g)::uuid::text,
    CASE WHEN g % 5 = 4 THEN 'v1' ELSE 'apps/v1' END,
    (ARRAY['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'])[1 + g % 5],
    'seed-' || lower((ARRAY['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'])[1 + g % 5]) || '-' || g,
    (ARRAY['production', 'staging', 'monitoring', 'payments', 'ingress'])[1 + g % 5],
    TIMESTAMPTZ '2024-09-01 00:00:00+00' + g * INTERVAL '1 hour',
    TIMESTAMPTZ '2024-09-01 00:00:00+00' + g * INTERVAL '1 hour',
    TIMESTAMPTZ '2026-03-15 00:00:00+00'
FROM generate_series(1, 60) AS g;

INSERT INTO action_histories (resource_id, max_actions, max_age_days, compaction_strategy, oscillation_window_minutes, effectiveness_threshold, pattern_min_occurrences, created_at, updated_at)
SELECT
    rr.id,
    CASE WHEN rr.namespace = 'production' THEN 5000 ELSE 1000 END,
    CASE WHEN rr.namespace = 'production' THEN 90 ELSE 30 END,
    (ARRAY['pattern-aware', 'time-based', 'count-based'])[1 + rr.id % 3],
    120,
    0.700,
    3,
    rr.created_at,
    rr.created_at
FROM resource_references rr
WHERE rr.name LIKE 'seed-%';

INSERT INTO resource_action_traces (
    action_history_id, action_id, correlation_id, action_type, action_timestamp,
    execution_start_time, execution_end_time, execution_duration_ms, status,
    signal_name, signal_severity, signal_labels, signal_annotations, signal_firing_time,
    model_used, model_confidence, model_reasoning, action_parameters,
    resource_state_before, resource_state_after, effectiveness_score, error_message,
    created_at, updated_at,
    effectiveness_assessment_due, effectiveness_assessed_at,
    context,
    incident_type, incident_severity, incident_fingerprint,
    playbook_id, playbook_version, playbook_step_number, playbook_execution_id,
    ai_selected_playbook, ai_chained_playbooks, ai_manual_escalation, ai_playbook_customization
)
SELECT
    h.id,
    'seed-act-' || lpad(g::text, 6, '0'),
    'seed-corr-' || (g / 4),
    a.action_type,
    t.ts,
    t.ts + INTERVAL '2 seconds',
    CASE WHEN s.status IN ('executing', 'pending') THEN NULL ELSE t.ts + INTERVAL '2 seconds' + (g % 90) * INTERVAL '1 second' END,
    CASE WHEN s.status IN ('executing', 'pending') THEN NULL ELSE (g % 90) * 1000 + 250 END,
    s.status,
    a.signal_name,
    a.signal_severity,
    jsonb_build_object('alertname', a.signal_name,
                       'namespace', (ARRAY['production', 'staging', 'monitoring', 'payments', 'ingress'])[1 + g % 5],
                       'severity', a.signal_severity,
                       'team', (ARRAY['platform', 'payments', 'sre'])[1 + g % 3]),
    jsonb_build_object('summary', a.signal_name || ' on seed resource ' || h.rn,
                       'runbook_url', 'https://runbooks.example.com/' || lower(a.signal_name)),
    t.ts - (1 + g % 10) * INTERVAL '1 minute',
    (ARRAY['gpt-4o', 'granite-3.1-8b', 'llama-3.1-70b', 'claude-sonnet'])[1 + g % 4],
    round((0.50 + (g % 50) / 100.0)::numeric, 3),
    'Chose ' || a.action_type || ' for ' || a.signal_name || ' (seed ' || g || ')',
    jsonb_build_object('replicas', 2 + g % 5, 'memory_limit', (256 * (1 + g % 4)) || 'Mi', 'dry_run', false),
    jsonb_build_object('replicas', 2, 'ready_replicas', 1 + g % 2, 'memory_usage_pct', 70 + g % 30),
    CASE WHEN s.status IN ('executing', 'pending') THEN NULL
         ELSE jsonb_build_object('replicas', 2 + g % 5, 'ready_replicas', 2 + g % 5, 'memory_usage_pct', 40 + g % 30) END,
    CASE WHEN s.status = 'completed' AND g % 7 <> 0 THEN round((0.30 + (g % 70) / 100.0)::numeric, 3)
         WHEN s.status IN ('failed', 'rolled-back') THEN round(((g % 30) / 100.0)::numeric, 3)
         ELSE NULL END,
    CASE WHEN s.status = 'failed' THEN 'action ' || a.action_type || ' failed: timeout waiting for rollout (seed ' || g || ')'
         WHEN s.status = 'rolled-back' THEN 'rolled back after health check regression'
         ELSE NULL END,
    t.ts,
    t.ts,
    CASE WHEN s.status IN ('completed', 'failed', 'rolled-back') THEN t.ts + INTERVAL '10 minutes' END,
    CASE WHEN s.status IN ('completed', 'failed', 'rolled-back') AND g % 7 <> 0 THEN t.ts + INTERVAL '11 minutes' END,
    CASE WHEN g % 3 = 0 THEN NULL
         ELSE jsonb_build_object(
                  'cluster', (ARRAY['prod-eu-1', 'prod-us-1', 'staging-eu-1'])[1 + g % 3],
                  'node_pressure', g % 4 = 0,
                  'recent_events', jsonb_build_array('BackOff', 'Unhealthy'),
                  'metrics', jsonb_build_object('cpu_pct', 30 + g % 70, 'restarts_1h', g % 6)) END,
    -- ADR-033 columns: filled from 2025-06 on (ADR-033 rollout in the seed's story).
    CASE WHEN adr.adr_on THEN (ARRAY['memory-pressure', 'crash-loop', 'cpu-saturation', 'disk-pressure', 'rollout-stuck'])[1 + g % 5] END,
    CASE WHEN adr.adr_on THEN a.signal_severity END,
    CASE WHEN adr.adr_on THEN substr(md5(a.signal_name || ':' || h.rn), 1, 16) END,
    CASE WHEN adr.adr_on AND g % 4 <> 0 THEN 'pb-' || (ARRAY['memory-pressure', 'crash-loop', 'cpu-saturation', 'disk-pressure', 'rollout-stuck'])[1 + g % 5] END,
    CASE WHEN adr.adr_on AND g % 4 <> 0 THEN 'v1.' || (g % 3) END,
    CASE WHEN adr.adr_on AND g % 4 <> 0 THEN 1 + g % 3 END,
    CASE WHEN adr.adr_on AND g % 4 <> 0 THEN 'pbx-' || lpad((g / 3)::text, 6, '0') END,
    CASE WHEN adr.adr_on THEN g % 4 <> 0 ELSE FALSE END,
    CASE WHEN adr.adr_on THEN g % 9 = 0 ELSE FALSE END,
    CASE WHEN adr.adr_on THEN g % 13 = 0 ELSE FALSE END,
    CASE WHEN adr.adr_on AND g % 11 = 0 THEN jsonb_build_object('timeout_seconds', 120, 'skip_steps', jsonb_build_array(2)) END
FROM generate_series(1, 3000) AS g
CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2024-10-01 00:00:00+00' + g * INTERVAL '254 minutes' AS ts) AS t
CROSS JOIN LATERAL (SELECT t.ts >= TIMESTAMPTZ '2025-06-01 00:00:00+00' AS adr_on) AS adr
CROSS JOIN LATERAL (
    SELECT (ARRAY['scale_deployment', 'restart_pod', 'increase_resources', 'rollback_deployment', 'cleanup_storage', 'drain_node', 'notify_only'])[1 + g % 7] AS action_type,
           (ARRAY['HighMemoryUsage', 'PodCrashLooping', 'HighCPUUsage', 'DiskSpaceLow', 'DeploymentReplicasMismatch', 'NodeNotReady'])[1 + g % 6] AS signal_name,
           (ARRAY['warning', 'critical', 'warning', 'critical', 'info', 'critical'])[1 + g % 6] AS signal_severity
) AS a
CROSS JOIN LATERAL (
    SELECT CASE WHEN g % 97 = 0 THEN 'pending'
                WHEN g % 89 = 0 THEN 'executing'
                WHEN g % 53 = 0 THEN 'cancelled'
                WHEN g % 10 = 3 THEN 'failed'
                WHEN g % 20 = 7 THEN 'rolled-back'
                ELSE 'completed' END AS status
) AS s
JOIN (
    SELECT ah.id, row_number() OVER (ORDER BY rr.name) AS rn
    FROM action_histories ah
    JOIN resource_references rr ON rr.id = ah.resource_id
    WHERE rr.name LIKE 'seed-%'
) AS h ON h.rn = 1 + g % 60;

-- 12 traces before the first partition and 6 after the last one: DEFAULT partition.
INSERT INTO resource_action_traces (
    action_history_id, action_id, action_type, action_timestamp, status,
    signal_name, signal_severity, model_used, model_confidence, effectiveness_score,
    created_at, updated_at
)
SELECT
    h.id,
    'seed-outside-' || lpad(g::text, 3, '0'),
    'restart_pod',
    t.ts,
    'completed',
    'PodCrashLooping',
    'critical',
    'gpt-4o',
    0.800,
    0.750,
    t.ts,
    t.ts
FROM generate_series(1, 18) AS g
CROSS JOIN LATERAL (
    SELECT CASE WHEN g <= 12 THEN TIMESTAMPTZ '2024-09-01 06:00:00+00' + g * INTERVAL '2 days'
                ELSE TIMESTAMPTZ '2026-08-01 06:00:00+00' + g * INTERVAL '1 day' END AS ts
) AS t
JOIN (
    SELECT ah.id, row_number() OVER (ORDER BY rr.name) AS rn
    FROM action_histories ah
    JOIN resource_references rr ON rr.id = ah.resource_id
    WHERE rr.name LIKE 'seed-%'
) AS h ON h.rn = g;

UPDATE action_histories ah
SET total_actions = s.n,
    last_action_at = s.last_at
FROM (
    SELECT action_history_id, count(*) AS n, max(action_timestamp) AS last_at
    FROM resource_action_traces
    WHERE action_id LIKE 'seed-%'
    GROUP BY action_history_id
) AS s
WHERE s.action_history_id = ah.id;

-- One assessment per finished seed trace (006); results for the assessed ones.
INSERT INTO action_assessments (
    trace_id, trace_action_timestamp, action_id, action_type, assessment_status,
    scheduled_for, started_at, completed_at, attempts, last_error, created_at, updated_at
)
SELECT
    rat.id,
    rat.action_timestamp,
    rat.action_id,
    rat.action_type,
    CASE WHEN rat.effectiveness_assessed_at IS NOT NULL THEN 'completed' ELSE 'pending' END,
    rat.effectiveness_assessment_due,
    rat.effectiveness_assessed_at - INTERVAL '30 seconds',
    rat.effectiveness_assessed_at,
    CASE WHEN rat.effectiveness_assessed_at IS NOT NULL THEN 1 ELSE 0 END,
    NULL,
    rat.action_timestamp,
    rat.action_timestamp
FROM resource_action_traces rat
WHERE rat.action_id LIKE 'seed-act-%'
  AND rat.effectiveness_assessment_due IS NOT NULL;

INSERT INTO effectiveness_results (
    assessment_id, trace_id, trace_action_timestamp, traditional_score, environmental_impact,
    confidence, metrics_before, metrics_after, side_effects_detected, side_effect_details,
    pattern_recognized, recommended_adjustments, assessed_at, created_at
)
SELECT
    aa.id,
    aa.trace_id,
    aa.trace_action_timestamp,
    coalesce(rat.effectiveness_score, 0),
    round((((aa.id % 41) - 20) / 100.0)::numeric, 3),
    round((0.60 + (aa.id % 40) / 100.0)::numeric, 3),
    rat.resource_state_before,
    rat.resource_state_after,
    aa.id % 17 = 0,
    CASE WHEN aa.id % 17 = 0 THEN jsonb_build_object('latency_p99_ms_delta', 40) END,
    aa.id % 5 = 0,
    CASE WHEN coalesce(rat.effectiveness_score, 0) < 0.5 THEN jsonb_build_object('prefer_action', 'rollback_deployment') END,
    aa.completed_at,
    aa.completed_at
FROM action_assessments aa
JOIN resource_action_traces rat
  ON rat.id = aa.trace_id AND rat.action_timestamp = aa.trace_action_timestamp
WHERE aa.assessment_status = 'completed';

-- Notification audit (010): one notification for every 20th seed trace.
INSERT INTO notification_audit (
    remediation_id, notification_id, recipient, channel, message_summary, status,
    sent_at, delivery_status, error_message, escalation_level, created_at, updated_at
)
SELECT
    rat.action_id,
    'seed-notif-' || rat.id,
    (ARRAY['sre-oncall@example.com', '#platform-alerts', 'payments-oncall'])[1 + rat.id % 3],
    (ARRAY['email', 'slack', 'pagerduty'])[1 + rat.id % 3],
    rat.action_type || ' on ' || rat.signal_name || ': ' || rat.status,
    CASE WHEN rat.status = 'failed' THEN 'escalated' WHEN rat.id % 40 = 0 THEN 'failed' ELSE 'sent' END,
    rat.action_timestamp + INTERVAL '1 minute',
    CASE WHEN rat.id % 40 = 0 THEN 'undeliverable' ELSE 'delivered' END,
    CASE WHEN rat.id % 40 = 0 THEN 'channel rate limited' END,
    CASE WHEN rat.status = 'failed' THEN 1 ELSE 0 END,
    rat.action_timestamp + INTERVAL '1 minute',
    rat.action_timestamp + INTERVAL '1 minute'
FROM resource_action_traces rat
WHERE rat.action_id LIKE 'seed-act-%'
  AND rat.id % 20 = 0;

-- Audit events (010): one per every 10th seed trace.
INSERT INTO audit_events (
    event_id, event_type, event_category, service, correlation_id,
    resource_namespace, resource_kind, resource_name, actor_type, actor_id,
    outcome, event_data, event_timestamp, created_at
)
SELECT
    md5('seed-audit-' || rat.id)::uuid,
    'remediation.action.' || CASE WHEN rat.status = 'completed' THEN 'completed' ELSE 'attempted' END,
    'remediation',
    'workflow-engine',
    rat.correlation_id,
    rr.namespace,
    rr.kind,
    rr.name,
    'service',
    'workflow-engine',
    CASE WHEN rat.status = 'completed' THEN 'success'
         WHEN rat.status IN ('failed', 'rolled-back', 'cancelled') THEN 'failure'
         ELSE 'pending' END,
    jsonb_build_object('action_id', rat.action_id, 'action_type', rat.action_type, 'signal', rat.signal_name),
    rat.action_timestamp,
    rat.action_timestamp
FROM resource_action_traces rat
JOIN action_histories ah ON ah.id = rat.action_history_id
JOIN resource_references rr ON rr.id = ah.resource_id
WHERE rat.action_id LIKE 'seed-act-%'
  AND rat.id % 10 = 0;

INSERT INTO oscillation_detections (
    pattern_id, resource_id, detected_at, confidence, action_count,
    first_action_at, last_action_at, prevention_applied, prevention_action,
    prevention_details, resolved, resolved_at, resolution_method
)
SELECT
    op.id,
    rr.id,
    TIMESTAMPTZ '2024-11-01 00:00:00+00' + g * INTERVAL '13 days',
    round((0.70 + (g % 30) / 100.0)::numeric, 3),
    3 + g % 4,
    TIMESTAMPTZ '2024-11-01 00:00:00+00' + g * INTERVAL '13 days' - INTERVAL '55 minutes',
    TIMESTAMPTZ '2024-11-01 00:00:00+00' + g * INTERVAL '13 days' - INTERVAL '2 minutes',
    g % 2 = 0,
    CASE WHEN g % 2 = 0 THEN op.prevention_strategy END,
    CASE WHEN g % 2 = 0 THEN jsonb_build_object('blocked_for_minutes', 60) END,
    g <= 30,
    CASE WHEN g <= 30 THEN TIMESTAMPTZ '2024-11-01 00:00:00+00' + g * INTERVAL '13 days' + INTERVAL '3 hours' END,
    CASE WHEN g <= 30 THEN 'auto-expired' END
FROM generate_series(1, 36) AS g
JOIN oscillation_patterns op
  ON op.pattern_name = (ARRAY['scale-up-down-flapping', 'restart-loop', 'resource-limit-thrashing', 'cross-resource-cascade'])[1 + g % 4]
JOIN resource_references rr
  ON rr.resource_uid = md5('seed-resource-' || (1 + g % 60))::uuid::text;

INSERT INTO retention_operations (
    action_history_id, operation_type, retention_strategy, criteria,
    records_before, records_after, records_deleted, operation_start, operation_end, status, error_message
)
SELECT
    NULL,
    'cleanup',
    'time-based',
    jsonb_build_object('retention', '365 days'),
    200 * g,
    200 * g,
    0,
    TIMESTAMPTZ '2025-01-01 03:00:00+00' + g * INTERVAL '1 month',
    CASE WHEN g % 6 = 0 THEN NULL ELSE TIMESTAMPTZ '2025-01-01 03:00:07+00' + g * INTERVAL '1 month' END,
    CASE WHEN g % 6 = 0 THEN 'failed' ELSE 'completed' END,
    CASE WHEN g % 6 = 0 THEN 'canceling statement due to lock timeout' END
FROM generate_series(1, 14) AS g;

-- Embeddings (pgvector, dimension 1536 since 009) for every third seed trace,
-- written after the traces as the embedding job does. Deterministic values.
UPDATE resource_action_traces rat
SET embedding = (
        SELECT array_agg(sin(rat.id * 0.37 + d * 0.011)::real ORDER BY d)
        FROM generate_series(1, 1536) AS d
    )::vector(1536)
WHERE rat.action_id LIKE 'seed-act-%'
  AND rat.id % 3 = 0;
