-- 002_fix_partitioning.sql
--
-- Partition fixes for resource_action_traces:
--   1. create_monthly_partitions(start_date, months): idempotent creation of
--      monthly partitions. If the DEFAULT partition already holds rows for a
--      month being created (PostgreSQL would refuse the CREATE), those rows are
--      moved into the new partition first.
--   2. Replace the single-column alert_name index from 001 with a composite
--      (alert_name, action_timestamp DESC) index: the "recent actions for
--      alert X" query could not use the old one for its ORDER BY.
--   3. Extend the partition horizon by six months (2026-01 .. 2026-06).
--
-- DD-SCHEMA-001, DD-012.
--
-- Partition bounds are computed in UTC, whatever the session TimeZone.
-- Note: resource_action_traces must not get INSERT triggers that have side
-- effects: moving rows between partitions re-inserts them.

-- +goose Up

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION create_monthly_partitions(p_start_date DATE, p_months INTEGER DEFAULT 3)
RETURNS INTEGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_first_month   DATE := date_trunc('month', p_start_date)::date;
    v_month         DATE;
    v_from          TIMESTAMPTZ;
    v_to            TIMESTAMPTZ;
    v_partition     TEXT;
    v_columns       TEXT;
    v_default_rows  BIGINT;
    v_created       INTEGER := 0;
BEGIN
    IF p_months IS NULL OR p_months < 1 THEN
        RAISE EXCEPTION 'create_monthly_partitions: p_months must be >= 1, got %', p_months;
    END IF;

    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
      INTO v_columns
      FROM pg_attribute a
     WHERE a.attrelid = 'resource_action_traces'::regclass
       AND a.attnum > 0
       AND NOT a.attisdropped;

    FOR i IN 0 .. p_months - 1 LOOP
        v_month     := (v_first_month + make_interval(months => i))::date;
        v_from      := v_month::timestamp AT TIME ZONE 'UTC';
        v_to        := (v_month + INTERVAL '1 month')::timestamp AT TIME ZONE 'UTC';
        v_partition := 'resource_action_traces_' || to_char(v_month, 'YYYY_MM');

        -- Idempotent: skip months whose partition already exists.
        CONTINUE WHEN EXISTS (
            SELECT 1
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relname = v_partition
               AND n.nspname = current_schema()
        );

        v_default_rows := 0;
        IF EXISTS (
            SELECT 1
              FROM pg_inherits inh
              JOIN pg_class c ON c.oid = inh.inhrelid
             WHERE inh.inhparent = 'resource_action_traces'::regclass
               AND c.relname = 'resource_action_traces_default'
        ) THEN
            SELECT count(*) INTO v_default_rows
              FROM resource_action_traces_default
             WHERE action_timestamp >= v_from AND action_timestamp < v_to;
        END IF;

        IF v_default_rows = 0 THEN
            EXECUTE format(
                'CREATE TABLE IF NOT EXISTS %I PARTITION OF resource_action_traces FOR VALUES FROM (%L) TO (%L)',
                v_partition, v_from, v_to);
        ELSE
            -- The DEFAULT partition holds rows of this month: detach it, create
            -- the month, move the rows, re-attach the DEFAULT partition.
            ALTER TABLE resource_action_traces DETACH PARTITION resource_action_traces_default;
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF resource_action_traces FOR VALUES FROM (%L) TO (%L)',
                v_partition, v_from, v_to);
            EXECUTE format(
                'INSERT INTO %I (%s) SELECT %s FROM resource_action_traces_default WHERE action_timestamp >= %L AND action_timestamp < %L',
                v_partition, v_columns, v_columns, v_from, v_to);
            DELETE FROM resource_action_traces_default
             WHERE action_timestamp >= v_from AND action_timestamp < v_to;
            ALTER TABLE resource_action_traces ATTACH PARTITION resource_action_traces_default DEFAULT;
            RAISE NOTICE 'create_monthly_partitions: moved % row(s) from resource_action_traces_default to %',
                v_default_rows, v_partition;
        END IF;

        v_created := v_created + 1;
    END LOOP;

    RETURN v_created;
END;
$$;
-- +goose StatementEnd

DROP INDEX IF EXISTS idx_rat_alert_name;

CREATE INDEX IF NOT EXISTS idx_rat_alert_name_time
    ON resource_action_traces (alert_name, action_timestamp DESC);

-- Six more months after 001's last partition (2025-12).
SELECT create_monthly_partitions(DATE '2026-01-01', 6);

-- +goose Down

-- Remove the six partitions created above. Their rows are kept: each partition
-- is detached and its rows are re-inserted through the parent, which routes
-- them to resource_action_traces_default. Partitions created later by calling
-- create_monthly_partitions() by hand are not touched.
-- +goose StatementBegin
DO $$
DECLARE
    v_month     DATE;
    v_partition TEXT;
    v_columns   TEXT;
BEGIN
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
      INTO v_columns
      FROM pg_attribute a
     WHERE a.attrelid = 'resource_action_traces'::regclass
       AND a.attnum > 0
       AND NOT a.attisdropped;

    FOR v_month IN
        SELECT generate_series(DATE '2026-06-01', DATE '2026-01-01', INTERVAL '-1 month')::date
    LOOP
        v_partition := 'resource_action_traces_' || to_char(v_month, 'YYYY_MM');
        CONTINUE WHEN to_regclass(quote_ident(v_partition)) IS NULL;
        EXECUTE format('ALTER TABLE resource_action_traces DETACH PARTITION %I', v_partition);
        EXECUTE format('INSERT INTO resource_action_traces (%s) SELECT %s FROM %I',
                       v_columns, v_columns, v_partition);
        EXECUTE format('DROP TABLE %I', v_partition);
    END LOOP;
END;
$$;
-- +goose StatementEnd

DROP INDEX IF EXISTS idx_rat_alert_name_time;

CREATE INDEX IF NOT EXISTS idx_rat_alert_name
    ON resource_action_traces (alert_name);

DROP FUNCTION IF EXISTS create_monthly_partitions(DATE, INTEGER);
