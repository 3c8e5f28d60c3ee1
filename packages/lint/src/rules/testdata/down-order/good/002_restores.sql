-- +goose Up
CREATE INDEX IF NOT EXISTS users_embedding ON users USING hnsw (embedding vector_cosine_ops);

-- +goose Down
DROP INDEX IF EXISTS users_embedding;
CREATE INDEX IF NOT EXISTS users_embedding ON users USING ivfflat (embedding vector_cosine_ops);
