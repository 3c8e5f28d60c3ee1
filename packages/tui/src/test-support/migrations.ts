// Test-only: small migration sets for the TUI's tests, as in-memory sources.
import { sourcesFromList, type MigrationSource } from '@gander/core';

export const LONG_NAME = 'add_a_rather_long_migration_name_to_check_truncation_in_narrow_terminals';

const files: ReadonlyArray<{ fileName: string; content: string }> = [
  {
    fileName: '00001_create_users.sql',
    content: `-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);

-- +goose Down
DROP TABLE users;
`,
  },
  {
    fileName: '00002_add_email.sql',
    content: `-- +goose Up
ALTER TABLE users ADD COLUMN email text;
CREATE INDEX users_email_idx ON users (email);

-- +goose Down
DROP INDEX users_email_idx;
ALTER TABLE users DROP COLUMN email;
`,
  },
  {
    fileName: '00003_create_posts.sql',
    content: `-- +goose Up
-- +goose StatementBegin
CREATE TABLE posts (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  body text
);
-- +goose StatementEnd

-- +goose Down
DROP TABLE posts;
`,
  },
  {
    fileName: `00004_${LONG_NAME}.sql`,
    content: `-- +goose Up
CREATE TABLE tags (name text PRIMARY KEY);

-- +goose Down
DROP TABLE tags;
`,
  },
];

/** The broken one fails at its second statement, which starts on line 4. */
export const BROKEN_FILE = '00005_broken_insert.sql';
const broken = {
  fileName: BROKEN_FILE,
  content: `-- +goose Up
CREATE TABLE audit_notes (id bigint PRIMARY KEY);

INSERT INTO no_such_table (id) VALUES (1);

-- +goose Down
DROP TABLE audit_notes;
`,
};

/** Four migrations that apply cleanly. */
export function goodSources(): MigrationSource[] {
  return sourcesFromList(files);
}

/** The four good ones and a fifth whose second statement fails. */
export function sourcesWithBroken(): MigrationSource[] {
  return sourcesFromList([...files, broken]);
}
