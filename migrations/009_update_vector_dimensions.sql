-- 009_update_vector_dimensions.sql
--
-- Vector dimension update: resource_action_traces.embedding goes from
-- vector(384) to vector(1536) (the embedding model changed), and the index
-- from IVFFlat (lists = 100) to HNSW (m = 16, ef_construction = 64), which
-- needs no training data and keeps recall as partitions grow.
--
-- REQUIRES pgvector (created by 005).
--
-- DD-SCHEMA-001, DD-012.
--
-- DATA: embeddings of one model cannot be converted to another model's
-- dimension, so both Up and Down set existing embeddings to NULL
-- (USING NULL); the embedding job regenerates them. The type change rewrites
-- every partition.
--
-- Each direction is guarded by the current column type, so re-running it on a
-- database that is already at the target dimension changes nothing (and
-- does not wipe regenerated embeddings).

-- +goose Up

-- +goose StatementBegin
DO $$
BEGIN
    IF (SELECT format_type(a.atttypid, a.atttypmod)
          FROM pg_attribute a
         WHERE a.attrelid = 'resource_action_traces'::regclass
           AND a.attname = 'embedding'
           AND NOT a.attisdropped) <> 'vector(1536)' THEN
        DROP INDEX IF EXISTS idx_rat_embedding;
        ALTER TABLE resource_action_traces
            ALTER COLUMN embedding TYPE vector(1536) USING NULL;
    END IF;
END;
$$;
-- +goose StatementEnd

CREATE INDEX IF NOT EXISTS idx_rat_embedding
    ON resource_action_traces USING hnsw (embedding vector_cosine_ops)
    WITH (m = 16, ef_construction = 64);

-- +goose Down

-- +goose StatementBegin
DO $$
BEGIN
    IF (SELECT format_type(a.atttypid, a.atttypmod)
          FROM pg_attribute a
         WHERE a.attrelid = 'resource_action_traces'::regclass
           AND a.attname = 'embedding'
           AND NOT a.attisdropped) <> 'vector(384)' THEN
        DROP INDEX IF EXISTS idx_rat_embedding;
        ALTER TABLE resource_action_traces
            ALTER COLUMN embedding TYPE vector(384) USING NULL;
    END IF;
END;
$$;
-- +goose StatementEnd

CREATE INDEX IF NOT EXISTS idx_rat_embedding
    ON resource_action_traces USING ivfflat (embedding vector_cosine_ops)
    WITH (lists = 100);
