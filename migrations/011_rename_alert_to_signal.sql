-- 011_rename_alert_to_signal.sql
--
-- Terminology migration: "alert" becomes "signal" (the service now handles
-- Kubernetes events and other signal sources, not only Prometheus alerts).
--
-- Renamed on resource_action_traces (every partition follows the parent):
--   columns      alert_name        -> signal_name
--                alert_severity    -> signal_severity
--                alert_labels      -> signal_labels
--                alert_annotations -> signal_annotations
--                alert_firing_time -> signal_firing_time
--   constraint   chk_rat_alert_severity -> chk_rat_signal_severity
--   indexes      idx_rat_alert_name_time -> idx_rat_signal_name_time
--                idx_rat_alert_severity  -> idx_rat_signal_severity
--                idx_rat_alert_labels    -> idx_rat_signal_labels
--                and, on every partition, the child index of each of these
--                three ("..._alert_..." -> "..._signal_...")
--   views (008)  context_api_action_traces.alert_name/alert_severity/alert_labels
--                context_api_action_effectiveness.alert_name
--                -> signal_* (decision: the Context API read model uses the new
--                terminology too; PostgreSQL already re-points the view queries
--                at the renamed columns, only the view's own column names change)
--   function     get_action_effectiveness_by_alert(VARCHAR, TIMESTAMPTZ) (003)
--                -> get_action_effectiveness_by_signal(VARCHAR, TIMESTAMPTZ)
--                (a function body is not updated by a column rename: the old one
--                is dropped first and the new one created after the renames)
--
-- Every rename is metadata-only: no table rewrite, no index rebuild.
-- DD-SCHEMA-001, DD-012.
--
-- The renames are guarded (old name present, new name absent) so that the
-- file can be re-run; DO blocks because PostgreSQL has no
-- RENAME COLUMN IF EXISTS.

-- +goose Up

DROP FUNCTION IF EXISTS get_action_effectiveness_by_alert(VARCHAR, TIMESTAMPTZ);

-- +goose StatementBegin
DO $$
DECLARE
    r           RECORD;
    v_child     RECORD;
BEGIN
    -- Columns of the partitioned table (recurses to every partition).
    FOR r IN
        SELECT * FROM (VALUES
            ('alert_name',        'signal_name'),
            ('alert_severity',    'signal_severity'),
            ('alert_labels',      'signal_labels'),
            ('alert_annotations', 'signal_annotations'),
            ('alert_firing_time', 'signal_firing_time')
        ) AS m(old_name, new_name)
    LOOP
        IF EXISTS (SELECT 1 FROM pg_attribute
                    WHERE attrelid = 'resource_action_traces'::regclass
                      AND attname = r.old_name AND NOT attisdropped)
           AND NOT EXISTS (SELECT 1 FROM pg_attribute
                            WHERE attrelid = 'resource_action_traces'::regclass
                              AND attname = r.new_name AND NOT attisdropped) THEN
            EXECUTE format('ALTER TABLE resource_action_traces RENAME COLUMN %I TO %I',
                           r.old_name, r.new_name);
        END IF;
    END LOOP;

    -- CHECK constraint (recurses to every partition).
    IF EXISTS (SELECT 1 FROM pg_constraint
                WHERE conrelid = 'resource_action_traces'::regclass
                  AND conname = 'chk_rat_alert_severity') THEN
        ALTER TABLE resource_action_traces
            RENAME CONSTRAINT chk_rat_alert_severity TO chk_rat_signal_severity;
    END IF;

    -- Indexes: the partitioned index, then its child index on every partition.
    FOR r IN
        SELECT * FROM (VALUES
            ('idx_rat_alert_name_time', 'idx_rat_signal_name_time'),
            ('idx_rat_alert_severity',  'idx_rat_signal_severity'),
            ('idx_rat_alert_labels',    'idx_rat_signal_labels')
        ) AS m(old_name, new_name)
    LOOP
        CONTINUE WHEN to_regclass(r.old_name) IS NULL OR to_regclass(r.new_name) IS NOT NULL;
        FOR v_child IN
            SELECT c.relname
              FROM pg_inherits inh
              JOIN pg_class c ON c.oid = inh.inhrelid
             WHERE inh.inhparent = to_regclass(r.old_name)
               AND c.relname LIKE '%alert%'
        LOOP
            -- PostgreSQL would silently truncate a name over 63 bytes, and
            -- Down could then not restore it: refuse instead.
            IF octet_length(replace(v_child.relname, 'alert', 'signal')) > 63 THEN
                RAISE EXCEPTION 'index name % would exceed 63 bytes once renamed', v_child.relname;
            END IF;
            EXECUTE format('ALTER INDEX %I RENAME TO %I',
                           v_child.relname, replace(v_child.relname, 'alert', 'signal'));
        END LOOP;
        EXECUTE format('ALTER INDEX %I RENAME TO %I', r.old_name, r.new_name);
    END LOOP;

    -- Context API views (008).
    FOR r IN
        SELECT * FROM (VALUES
            ('context_api_action_traces',        'alert_name',     'signal_name'),
            ('context_api_action_traces',        'alert_severity', 'signal_severity'),
            ('context_api_action_traces',        'alert_labels',   'signal_labels'),
            ('context_api_action_effectiveness', 'alert_name',     'signal_name')
        ) AS m(view_name, old_name, new_name)
    LOOP
        IF EXISTS (SELECT 1 FROM pg_attribute
                    WHERE attrelid = to_regclass(r.view_name)
                      AND attname = r.old_name) THEN
            EXECUTE format('ALTER VIEW %I RENAME COLUMN %I TO %I',
                           r.view_name, r.old_name, r.new_name);
        END IF;
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION get_action_effectiveness_by_signal(
    p_signal_name VARCHAR,
    p_since       TIMESTAMPTZ DEFAULT NOW() - INTERVAL '30 days'
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
     WHERE rat.signal_name = p_signal_name
       AND rat.action_timestamp >= p_since
     GROUP BY rat.action_type
     ORDER BY 4 DESC, 2 DESC;
$$;
-- +goose StatementEnd

-- +goose Down

DROP FUNCTION IF EXISTS get_action_effectiveness_by_signal(VARCHAR, TIMESTAMPTZ);

-- +goose StatementBegin
DO $$
DECLARE
    r           RECORD;
    v_child     RECORD;
BEGIN
    -- Context API views (008).
    FOR r IN
        SELECT * FROM (VALUES
            ('context_api_action_effectiveness', 'signal_name',     'alert_name'),
            ('context_api_action_traces',        'signal_labels',   'alert_labels'),
            ('context_api_action_traces',        'signal_severity', 'alert_severity'),
            ('context_api_action_traces',        'signal_name',     'alert_name')
        ) AS m(view_name, old_name, new_name)
    LOOP
        IF EXISTS (SELECT 1 FROM pg_attribute
                    WHERE attrelid = to_regclass(r.view_name)
                      AND attname = r.old_name) THEN
            EXECUTE format('ALTER VIEW %I RENAME COLUMN %I TO %I',
                           r.view_name, r.old_name, r.new_name);
        END IF;
    END LOOP;

    -- Indexes: the partitioned index, then its child index on every partition.
    FOR r IN
        SELECT * FROM (VALUES
            ('idx_rat_signal_labels',    'idx_rat_alert_labels'),
            ('idx_rat_signal_severity',  'idx_rat_alert_severity'),
            ('idx_rat_signal_name_time', 'idx_rat_alert_name_time')
        ) AS m(old_name, new_name)
    LOOP
        CONTINUE WHEN to_regclass(r.old_name) IS NULL OR to_regclass(r.new_name) IS NOT NULL;
        FOR v_child IN
            SELECT c.relname
              FROM pg_inherits inh
              JOIN pg_class c ON c.oid = inh.inhrelid
             WHERE inh.inhparent = to_regclass(r.old_name)
               AND c.relname LIKE '%signal%'
        LOOP
            EXECUTE format('ALTER INDEX %I RENAME TO %I',
                           v_child.relname, replace(v_child.relname, 'signal', 'alert'));
        END LOOP;
        EXECUTE format('ALTER INDEX %I RENAME TO %I', r.old_name, r.new_name);
    END LOOP;

    -- CHECK constraint (recurses to every partition).
    IF EXISTS (SELECT 1 FROM pg_constraint
                WHERE conrelid = 'resource_action_traces'::regclass
                  AND conname = 'chk_rat_signal_severity') THEN
        ALTER TABLE resource_action_traces
            RENAME CONSTRAINT chk_rat_signal_severity TO chk_rat_alert_severity;
    END IF;

    -- Columns of the partitioned table (recurses to every partition).
    FOR r IN
        SELECT * FROM (VALUES
            ('signal_firing_time', 'alert_firing_time'),
            ('signal_annotations', 'alert_annotations'),
            ('signal_labels',      'alert_labels'),
            ('signal_severity',    'alert_severity'),
            ('signal_name',        'alert_name')
        ) AS m(old_name, new_name)
    LOOP
        IF EXISTS (SELECT 1 FROM pg_attribute
                    WHERE attrelid = 'resource_action_traces'::regclass
                      AND attname = r.old_name AND NOT attisdropped)
           AND NOT EXISTS (SELECT 1 FROM pg_attribute
                            WHERE attrelid = 'resource_action_traces'::regclass
                              AND attname = r.new_name AND NOT attisdropped) THEN
            EXECUTE format('ALTER TABLE resource_action_traces RENAME COLUMN %I TO %I',
                           r.old_name, r.new_name);
        END IF;
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- Recreated exactly as 003 created it.
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
