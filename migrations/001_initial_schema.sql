-- 001_initial_schema.sql
--
-- Base schema of the Data Storage Service: the identity of every Kubernetes
-- resource acted upon, one action history per resource, and the trace of
-- every remediation action, partitioned by month on action_timestamp.
-- Oscillation detection and retention bookkeeping tables complete the base.
--
-- DD-SCHEMA-001: goose migrations are the single source of truth for this schema.
-- DD-012: IF NOT EXISTS in Up, IF EXISTS in Down, Down in reverse order of Up.
--
-- Partition bounds are written with an explicit +00 offset so that they do not
-- depend on the TimeZone setting of the session that runs the migration.

-- +goose Up

-- Kubernetes resource identity: one row per resource ever acted upon.
CREATE TABLE IF NOT EXISTS resource_references (
    id              BIGSERIAL    PRIMARY KEY,
    resource_uid    VARCHAR(36)  NOT NULL,
    api_version     VARCHAR(100) NOT NULL,
    kind            VARCHAR(100) NOT NULL,
    name            VARCHAR(253) NOT NULL,
    namespace       VARCHAR(63),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ,
    last_seen       TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_resource_references_uid UNIQUE (resource_uid),
    CONSTRAINT uq_resource_references_identity UNIQUE (namespace, kind, name)
);

CREATE INDEX IF NOT EXISTS idx_resource_references_kind
    ON resource_references (kind);

CREATE INDEX IF NOT EXISTS idx_resource_references_last_seen
    ON resource_references (last_seen);

-- One action history per resource: retention and oscillation settings plus
-- summary counters.
CREATE TABLE IF NOT EXISTS action_histories (
    id                          BIGSERIAL    PRIMARY KEY,
    resource_id                 BIGINT       NOT NULL,
    max_actions                 INTEGER      NOT NULL DEFAULT 1000,
    max_age_days                INTEGER      NOT NULL DEFAULT 30,
    compaction_strategy         VARCHAR(20)  NOT NULL DEFAULT 'pattern-aware',
    oscillation_window_minutes  INTEGER      NOT NULL DEFAULT 120,
    effectiveness_threshold     NUMERIC(4,3) NOT NULL DEFAULT 0.700,
    pattern_min_occurrences     INTEGER      NOT NULL DEFAULT 3,
    total_actions               INTEGER      NOT NULL DEFAULT 0,
    last_action_at              TIMESTAMPTZ,
    created_at                  TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at                  TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_action_histories_resource UNIQUE (resource_id),
    CONSTRAINT fk_action_histories_resource FOREIGN KEY (resource_id)
        REFERENCES resource_references (id) ON DELETE CASCADE,
    CONSTRAINT chk_action_histories_compaction
        CHECK (compaction_strategy IN ('pattern-aware', 'time-based', 'count-based'))
);

-- Every remediation action taken, partitioned by month on action_timestamp.
-- The primary key and every unique constraint must include the partition key.
CREATE TABLE IF NOT EXISTS resource_action_traces (
    id                      BIGSERIAL,
    action_history_id       BIGINT       NOT NULL,
    action_id               VARCHAR(64)  NOT NULL,
    correlation_id          VARCHAR(64),
    action_type             VARCHAR(50)  NOT NULL,
    action_timestamp        TIMESTAMPTZ  NOT NULL,
    execution_start_time    TIMESTAMPTZ,
    execution_end_time      TIMESTAMPTZ,
    execution_duration_ms   INTEGER,
    status                  VARCHAR(20)  NOT NULL DEFAULT 'pending',
    alert_name              VARCHAR(200) NOT NULL,
    alert_severity          VARCHAR(20)  NOT NULL,
    alert_labels            JSONB        NOT NULL DEFAULT '{}'::jsonb,
    alert_annotations       JSONB,
    alert_firing_time       TIMESTAMPTZ,
    model_used              VARCHAR(100) NOT NULL,
    model_confidence        NUMERIC(4,3) NOT NULL,
    model_reasoning         TEXT,
    action_parameters       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    resource_state_before   JSONB,
    resource_state_after    JSONB,
    effectiveness_score     NUMERIC(4,3),
    error_message           TEXT,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT pk_resource_action_traces PRIMARY KEY (id, action_timestamp),
    CONSTRAINT uq_rat_action_id UNIQUE (action_id, action_timestamp),
    CONSTRAINT fk_rat_action_history FOREIGN KEY (action_history_id)
        REFERENCES action_histories (id) ON DELETE CASCADE,
    CONSTRAINT chk_rat_status
        CHECK (status IN ('pending', 'executing', 'completed', 'failed', 'rolled-back', 'cancelled')),
    CONSTRAINT chk_rat_alert_severity
        CHECK (alert_severity IN ('critical', 'warning', 'info')),
    CONSTRAINT chk_rat_model_confidence
        CHECK (model_confidence >= 0 AND model_confidence <= 1),
    CONSTRAINT chk_rat_effectiveness_score
        CHECK (effectiveness_score IS NULL OR (effectiveness_score >= 0 AND effectiveness_score <= 1))
) PARTITION BY RANGE (action_timestamp);

-- Monthly partitions 2024-10 .. 2025-12 (002 adds a function that creates more).
CREATE TABLE IF NOT EXISTS resource_action_traces_2024_10 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2024-10-01 00:00:00+00') TO ('2024-11-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2024_11 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2024-11-01 00:00:00+00') TO ('2024-12-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2024_12 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2024-12-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_01 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_02 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_03 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_04 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_05 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-05-01 00:00:00+00') TO ('2025-06-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_06 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-06-01 00:00:00+00') TO ('2025-07-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_07 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-07-01 00:00:00+00') TO ('2025-08-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_08 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-08-01 00:00:00+00') TO ('2025-09-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_09 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-09-01 00:00:00+00') TO ('2025-10-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_10 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-10-01 00:00:00+00') TO ('2025-11-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_11 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-11-01 00:00:00+00') TO ('2025-12-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS resource_action_traces_2025_12 PARTITION OF resource_action_traces
    FOR VALUES FROM ('2025-12-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');

-- Rows outside every monthly range land here instead of failing the insert.
CREATE TABLE IF NOT EXISTS resource_action_traces_default PARTITION OF resource_action_traces
    DEFAULT;

-- Indexes on the partitioned parent; PostgreSQL creates the matching index on
-- every partition, present and future.
CREATE INDEX IF NOT EXISTS idx_rat_action_history
    ON resource_action_traces (action_history_id, action_timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_rat_action_type
    ON resource_action_traces (action_type, action_timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_rat_status
    ON resource_action_traces (status, action_timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_rat_alert_name
    ON resource_action_traces (alert_name);

CREATE INDEX IF NOT EXISTS idx_rat_alert_severity
    ON resource_action_traces (alert_severity, status);

CREATE INDEX IF NOT EXISTS idx_rat_alert_labels
    ON resource_action_traces USING GIN (alert_labels);

-- Known oscillation patterns (scale up/down flapping, restart loops, ...).
CREATE TABLE IF NOT EXISTS oscillation_patterns (
    id                      SERIAL       PRIMARY KEY,
    pattern_name            VARCHAR(100) NOT NULL,
    pattern_type            VARCHAR(50)  NOT NULL,
    description             TEXT,
    min_occurrences         INTEGER      NOT NULL DEFAULT 3,
    time_window_minutes     INTEGER      NOT NULL DEFAULT 120,
    action_sequence         JSONB,
    threshold_config        JSONB        NOT NULL DEFAULT '{}'::jsonb,
    prevention_strategy     VARCHAR(50)  NOT NULL DEFAULT 'block-action',
    is_active               BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_oscillation_patterns_name UNIQUE (pattern_name),
    CONSTRAINT chk_oscillation_patterns_type
        CHECK (pattern_type IN ('scale-oscillation', 'resource-thrashing', 'ineffective-loop', 'cascading-failure'))
);

-- Oscillations detected on a resource.
CREATE TABLE IF NOT EXISTS oscillation_detections (
    id                      BIGSERIAL    PRIMARY KEY,
    pattern_id              INTEGER      NOT NULL,
    resource_id             BIGINT       NOT NULL,
    detected_at             TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    confidence              NUMERIC(4,3) NOT NULL,
    action_count            INTEGER      NOT NULL,
    first_action_at         TIMESTAMPTZ  NOT NULL,
    last_action_at          TIMESTAMPTZ  NOT NULL,
    prevention_applied      BOOLEAN      NOT NULL DEFAULT FALSE,
    prevention_action       VARCHAR(50),
    prevention_details      JSONB,
    resolved                BOOLEAN      NOT NULL DEFAULT FALSE,
    resolved_at             TIMESTAMPTZ,
    resolution_method       VARCHAR(50),
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT fk_oscillation_detections_pattern FOREIGN KEY (pattern_id)
        REFERENCES oscillation_patterns (id) ON DELETE CASCADE,
    CONSTRAINT fk_oscillation_detections_resource FOREIGN KEY (resource_id)
        REFERENCES resource_references (id) ON DELETE CASCADE,
    CONSTRAINT chk_oscillation_detections_confidence
        CHECK (confidence >= 0 AND confidence <= 1)
);

CREATE INDEX IF NOT EXISTS idx_oscillation_detections_resource
    ON oscillation_detections (resource_id, detected_at DESC);

CREATE INDEX IF NOT EXISTS idx_oscillation_detections_unresolved
    ON oscillation_detections (detected_at)
    WHERE NOT resolved;

-- Log of retention / compaction runs.
CREATE TABLE IF NOT EXISTS retention_operations (
    id                      BIGSERIAL    PRIMARY KEY,
    action_history_id       BIGINT,
    operation_type          VARCHAR(30)  NOT NULL,
    retention_strategy      VARCHAR(30),
    criteria                JSONB,
    records_before          BIGINT,
    records_after           BIGINT,
    records_deleted         BIGINT       NOT NULL DEFAULT 0,
    operation_start         TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    operation_end           TIMESTAMPTZ,
    status                  VARCHAR(20)  NOT NULL DEFAULT 'running',
    error_message           TEXT,
    CONSTRAINT fk_retention_operations_history FOREIGN KEY (action_history_id)
        REFERENCES action_histories (id) ON DELETE SET NULL,
    CONSTRAINT chk_retention_operations_status
        CHECK (status IN ('running', 'completed', 'failed'))
);

CREATE INDEX IF NOT EXISTS idx_retention_operations_start
    ON retention_operations (operation_start DESC);

-- Reference data: the built-in oscillation patterns.
INSERT INTO oscillation_patterns
    (pattern_name, pattern_type, description, min_occurrences, time_window_minutes, action_sequence, threshold_config, prevention_strategy)
VALUES
    ('scale-up-down-flapping', 'scale-oscillation',
     'Replica count moved up and down repeatedly within the window', 3, 60,
     '["scale_deployment", "scale_deployment"]'::jsonb, '{"min_direction_changes": 2}'::jsonb, 'block-action'),
    ('restart-loop', 'ineffective-loop',
     'The same pod was restarted repeatedly without the alert clearing', 4, 30,
     '["restart_pod"]'::jsonb, '{"max_effectiveness": 0.3}'::jsonb, 'escalate'),
    ('resource-limit-thrashing', 'resource-thrashing',
     'Resource limits were raised and lowered repeatedly', 3, 120,
     '["increase_resources", "decrease_resources"]'::jsonb, '{"min_direction_changes": 2}'::jsonb, 'block-action'),
    ('cross-resource-cascade', 'cascading-failure',
     'An action on one resource was followed by alerts on dependent resources', 2, 30,
     NULL, '{"min_affected_resources": 3}'::jsonb, 'alert-only')
ON CONFLICT (pattern_name) DO NOTHING;

-- +goose Down

-- Reverse order of Up. Dropping a table also drops its indexes, constraints,
-- owned sequences and (for the partitioned table) all of its partitions.
DROP INDEX IF EXISTS idx_retention_operations_start;
DROP TABLE IF EXISTS retention_operations;

DROP INDEX IF EXISTS idx_oscillation_detections_unresolved;
DROP INDEX IF EXISTS idx_oscillation_detections_resource;
DROP TABLE IF EXISTS oscillation_detections;

DROP TABLE IF EXISTS oscillation_patterns;

DROP INDEX IF EXISTS idx_rat_alert_labels;
DROP INDEX IF EXISTS idx_rat_alert_severity;
DROP INDEX IF EXISTS idx_rat_alert_name;
DROP INDEX IF EXISTS idx_rat_status;
DROP INDEX IF EXISTS idx_rat_action_type;
DROP INDEX IF EXISTS idx_rat_action_history;
DROP TABLE IF EXISTS resource_action_traces;

DROP TABLE IF EXISTS action_histories;

DROP INDEX IF EXISTS idx_resource_references_last_seen;
DROP INDEX IF EXISTS idx_resource_references_kind;
DROP TABLE IF EXISTS resource_references;
