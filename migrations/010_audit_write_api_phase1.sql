-- 010_audit_write_api_phase1.sql
--
-- Audit write API, phase 1:
--   notification_audit  one row per notification sent by the Notification service
--   audit_events        generic audit events written by the services through the API
-- plus two lookup indexes on existing, live, non-partitioned tables that the
-- write API queries:
--   idx_action_assessments_action_id     (action_assessments, from 006)
--   idx_action_histories_last_action_at  (action_histories, from 001)
--
-- DD-SCHEMA-001, DD-012.
-- Uses update_updated_at_column() from 003.
--
-- NO TRANSACTION: the two indexes on existing tables are built with
-- CREATE INDEX CONCURRENTLY so that writers are not blocked while they build,
-- and PostgreSQL refuses CONCURRENTLY inside a transaction block. Goose then
-- runs every statement of this file (Up and Down) on its own, in order:
--   * every statement is idempotent (IF NOT EXISTS / IF EXISTS / OR REPLACE),
--     so a run that failed half-way can simply be run again;
--   * a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind that
--     IF NOT EXISTS would then skip: drop it (DROP INDEX CONCURRENTLY IF EXISTS
--     <name>) before re-running;
--   * the new tables are empty when their indexes are built, so those use a
--     plain CREATE INDEX.

-- +goose NO TRANSACTION

-- +goose Up

CREATE TABLE IF NOT EXISTS notification_audit (
    id                  BIGSERIAL    PRIMARY KEY,
    remediation_id      VARCHAR(255) NOT NULL,
    notification_id     VARCHAR(255) NOT NULL,
    recipient           VARCHAR(255) NOT NULL,
    channel             VARCHAR(50)  NOT NULL,
    message_summary     TEXT         NOT NULL,
    status              VARCHAR(50)  NOT NULL,
    sent_at             TIMESTAMPTZ  NOT NULL,
    delivery_status     TEXT,
    error_message       TEXT,
    escalation_level    INTEGER      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_notification_audit_notification_id UNIQUE (notification_id),
    CONSTRAINT chk_notification_audit_status
        CHECK (status IN ('sent', 'failed', 'acknowledged', 'escalated')),
    CONSTRAINT chk_notification_audit_channel
        CHECK (channel IN ('email', 'slack', 'pagerduty', 'sms', 'webhook')),
    CONSTRAINT chk_notification_audit_escalation CHECK (escalation_level >= 0)
);

CREATE INDEX IF NOT EXISTS idx_notification_audit_remediation_id
    ON notification_audit (remediation_id);

CREATE INDEX IF NOT EXISTS idx_notification_audit_status_sent_at
    ON notification_audit (status, sent_at DESC);

CREATE OR REPLACE TRIGGER trg_notification_audit_updated_at
    BEFORE UPDATE ON notification_audit
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE IF NOT EXISTS audit_events (
    id                  BIGSERIAL    PRIMARY KEY,
    event_id            UUID         NOT NULL DEFAULT gen_random_uuid(),
    event_type          VARCHAR(100) NOT NULL,
    event_category      VARCHAR(50)  NOT NULL,
    service             VARCHAR(100) NOT NULL,
    correlation_id      VARCHAR(255),
    resource_namespace  VARCHAR(63),
    resource_kind       VARCHAR(100),
    resource_name       VARCHAR(253),
    actor_type          VARCHAR(50),
    actor_id            VARCHAR(255),
    outcome             VARCHAR(20)  NOT NULL,
    event_data          JSONB        NOT NULL DEFAULT '{}'::jsonb,
    event_timestamp     TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_audit_events_event_id UNIQUE (event_id),
    CONSTRAINT chk_audit_events_outcome CHECK (outcome IN ('success', 'failure', 'pending'))
);

CREATE INDEX IF NOT EXISTS idx_audit_events_correlation_id
    ON audit_events (correlation_id, event_timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_audit_events_type_timestamp
    ON audit_events (event_type, event_timestamp DESC);

CREATE INDEX IF NOT EXISTS idx_audit_events_resource
    ON audit_events (resource_namespace, resource_kind, resource_name);

CREATE INDEX IF NOT EXISTS idx_audit_events_event_data
    ON audit_events USING GIN (event_data jsonb_path_ops);

-- Existing, live tables: build without blocking writes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_action_assessments_action_id
    ON action_assessments (action_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_action_histories_last_action_at
    ON action_histories (last_action_at DESC NULLS LAST);

-- +goose Down

DROP INDEX CONCURRENTLY IF EXISTS idx_action_histories_last_action_at;

DROP INDEX CONCURRENTLY IF EXISTS idx_action_assessments_action_id;

DROP INDEX IF EXISTS idx_audit_events_event_data;

DROP INDEX IF EXISTS idx_audit_events_resource;

DROP INDEX IF EXISTS idx_audit_events_type_timestamp;

DROP INDEX IF EXISTS idx_audit_events_correlation_id;

DROP TABLE IF EXISTS audit_events;

DROP TRIGGER IF EXISTS trg_notification_audit_updated_at ON notification_audit;

DROP INDEX IF EXISTS idx_notification_audit_status_sent_at;

DROP INDEX IF EXISTS idx_notification_audit_remediation_id;

DROP TABLE IF EXISTS notification_audit;
