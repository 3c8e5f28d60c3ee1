-- 005_vector_schema.sql
--
-- pgvector support: an embedding of each action trace (signal + context +
-- action), used to find similar past remediations. 384 dimensions
-- (all-MiniLM-L6-v2 class sentence embeddings), cosine distance, IVFFlat index.
-- 009 changes this to 1536 dimensions with an HNSW index.
--
-- REQUIRES the pgvector extension to be installable on the server
-- (PostgreSQL 16+ with pgvector, DD-011).
--
-- DD-SCHEMA-001, DD-012.
--
-- Building an IVFFlat index on a partitioned parent creates one per partition;
-- on an empty or small partition pgvector emits a "little data" NOTICE, which
-- is harmless (the lists are rebuilt by REINDEX once the partition has data).

-- +goose Up

CREATE EXTENSION IF NOT EXISTS vector;

ALTER TABLE resource_action_traces
    ADD COLUMN IF NOT EXISTS embedding vector(384);

CREATE INDEX IF NOT EXISTS idx_rat_embedding
    ON resource_action_traces USING ivfflat (embedding vector_cosine_ops)
    WITH (lists = 100);

-- +goose Down

DROP INDEX IF EXISTS idx_rat_embedding;

ALTER TABLE resource_action_traces
    DROP COLUMN IF EXISTS embedding;

-- 005 introduced the extension, so its Down removes it. No CASCADE: if some
-- other object still uses the vector type, this fails instead of dropping it.
DROP EXTENSION IF EXISTS vector;
