-- 003_stored_procedures.sql
--
-- Database functions of the Data Storage Service:
--   update_updated_at_column()         trigger function keeping updated_at current
--   calculate_action_success_rate()    success rate of one action type since a point in time
--   get_action_effectiveness_by_alert() per-action-type effectiveness for one alert
--                                      (replaced by get_action_effectiveness_by_signal() in 011)
--   cleanup_old_action_traces()        time-based retention, logged in retention_operations
-- and the BEFORE UPDATE triggers that use update_updated_at_column().
--
-- DD-SCHEMA-001, DD-012.
--
-- CREATE OR REPLACE TRIGGER needs PostgreSQL 14+ (DD-011 requires 16+).
-- Row triggers on the partitioned resource_action_traces are cloned onto every
-- partition by PostgreSQL.

-- +goose Up

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := NOW();
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE OR REPLACE TRIGGER trg_resource_references_updated_at
    BEFORE UPDATE ON resource_references
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trg_action_histories_updated_at
    BEFORE UPDATE ON action_histories
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trg_resource_action_traces_updated_at
    BEFORE UPDATE ON resource_action_traces
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trg_oscillation_patterns_updated_at
    BEFORE UPDATE ON oscillation_patterns
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Share of finished actions of one type that completed successfully.
-- NULL when no action of that type finished in the window.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION calculate_action_success_rate(
    p_action_type VARCHAR,
    p_since       TIMESTAMPTZ DEFAULT NOW() - INTERVAL '30 days'
)
RETURNS NUMERIC
LANGUAGE sql
STABLE
AS $$
    SELECT ROUND(
               COUNT(*) FILTER (WHERE rat.status = 'completed')::numeric
               / NULLIF(COUNT(*) FILTER (WHERE rat.status IN ('completed', 'failed', 'rolled-back')), 0),
               4)
      FROM resource_action_traces rat
     WHERE rat.action_type = p_action_type
       AND rat.action_timestamp >= p_since;
$$;
-- +goose StatementEnd

-- Per-action-type outcome for one alert, used to rank candidate actions.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION get_action_effectiveness_by_alert(
    p_alert_name VARCHAR,
    p_since      TIMESTAMPTZ DEFAULT NOW() - INTERVAL '30 days'
)
RETURNS TABLE (
    action_type         VARCHAR,
    total_actions       BIGINT,
    successful_actions  BIGINT,
    success_rate        NUMERIC,
    avg_effectiveness   NUMERIC
)
LANGUAGE sql
STABLE
AS $$
    SELECT rat.action_type,
           COUNT(*),
           COUNT(*) FILTER (WHERE rat.status = 'completed'),
           ROUND(COUNT(*) FILTER (WHERE rat.status = 'completed')::numeric / COUNT(*), 4),
           ROUND(AVG(rat.effectiveness_score), 3)
      FROM resource_action_traces rat
     WHERE rat.alert_name = p_alert_name
       AND rat.action_timestamp >= p_since
     GROUP BY rat.action_type
     ORDER BY 4 DESC, 2 DESC;
$$;
-- +goose StatementEnd

-- Time-based retention: deletes traces older than p_retention and resolved
-- oscillation detections older than p_retention; logs the run. Returns the
-- number of traces deleted.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION cleanup_old_action_traces(p_retention INTERVAL DEFAULT INTERVAL '90 days')
RETURNS BIGINT
LANGUAGE plpgsql
AS $$
DECLARE
    v_cutoff        TIMESTAMPTZ := NOW() - p_retention;
    v_operation_id  BIGINT;
    v_before        BIGINT;
    v_deleted       BIGINT;
BEGIN
    IF p_retention IS NULL OR p_retention < INTERVAL '1 day' THEN
        RAISE EXCEPTION 'cleanup_old_action_traces: retention must be at least 1 day, got %', p_retention;
    END IF;

    SELECT COUNT(*) INTO v_before FROM resource_action_traces;

    INSERT INTO retention_operations (operation_type, retention_strategy, criteria, records_before)
    VALUES ('cleanup', 'time-based', jsonb_build_object('cutoff', v_cutoff, 'retention', p_retention::text), v_before)
    RETURNING id INTO v_operation_id;

    DELETE FROM resource_action_traces WHERE action_timestamp < v_cutoff;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;

    DELETE FROM oscillation_detections WHERE resolved AND detected_at < v_cutoff;

    UPDATE retention_operations
       SET records_after   = v_before - v_deleted,
           records_deleted = v_deleted,
           operation_end   = NOW(),
           status          = 'completed'
     WHERE id = v_operation_id;

    RETURN v_deleted;
END;
$$;
-- +goose StatementEnd

-- +goose Down

DROP FUNCTION IF EXISTS cleanup_old_action_traces(INTERVAL);

DROP FUNCTION IF EXISTS get_action_effectiveness_by_alert(VARCHAR, TIMESTAMPTZ);

DROP FUNCTION IF EXISTS calculate_action_success_rate(VARCHAR, TIMESTAMPTZ);

DROP TRIGGER IF EXISTS trg_oscillation_patterns_updated_at ON oscillation_patterns;

DROP TRIGGER IF EXISTS trg_resource_action_traces_updated_at ON resource_action_traces;

DROP TRIGGER IF EXISTS trg_action_histories_updated_at ON action_histories;

DROP TRIGGER IF EXISTS trg_resource_references_updated_at ON resource_references;

DROP FUNCTION IF EXISTS update_updated_at_column();
