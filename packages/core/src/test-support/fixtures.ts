import { sourcesFromList, type MigrationSource } from '../source/index.js';

/** A small migration set: three tables, one NO TRANSACTION index, one function. */
export const basicFiles = [
  {
    fileName: '00001_users.sql',
    content: `-- +goose Up
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);

-- +goose Down
DROP TABLE users;
`,
  },
  {
    fileName: '00002_posts.sql',
    content: `-- +goose Up
CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users(id),
  body text
);
INSERT INTO users (email) VALUES ('a@example.com');

-- +goose Down
DROP TABLE posts;
DELETE FROM users WHERE email = 'a@example.com';
`,
  },
  {
    fileName: '00003_email_index.sql',
    content: `-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
`,
  },
  {
    fileName: '00004_count_fn.sql',
    content: `-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION user_count() RETURNS bigint AS $$
BEGIN
  RETURN (SELECT count(*) FROM users);
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION user_count();
`,
  },
] as const;

export function basicSources(extra: { fileName: string; content: string }[] = []): MigrationSource[] {
  return sourcesFromList([...basicFiles, ...extra]);
}
