import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { runInProcess } from '../test-support/in-process.js';
import { makeProject } from '../test-support/cli.js';

// `gander lint -db`: against the workspace's real PostgreSQL server.

const serverUrl = process.env.GANDER_TEST_SERVER_URL;
if (!serverUrl) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');

const gander = runInProcess;

const EVENTS = `-- +goose Up
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind text);
INSERT INTO events SELECT g, 'k' || g FROM generate_series(1, 2000) AS g;

-- +goose Down
DROP TABLE IF EXISTS events;
`;
const files = {
  'migrations/001_events.sql': EVENTS,
  'migrations/002_events_kind.sql': '-- +goose Up\nCREATE INDEX IF NOT EXISTS events_kind ON events (kind);\n\n-- +goose Down\nDROP INDEX IF EXISTS events_kind;\n',
  'migrations/003_audit.sql': '-- +goose Up\nCREATE TABLE IF NOT EXISTS audit (id bigint);\n\n-- +goose Down\nDROP TABLE IF EXISTS audit;\n',
  'migrations/004_audit_id.sql': '-- +goose Up\nCREATE INDEX IF NOT EXISTS audit_id ON audit (id);\n\n-- +goose Down\nDROP INDEX IF EXISTS audit_id;\n',
};

let database: TestDatabase;
let project: string;

beforeAll(async () => {
  database = await createTestDatabase(serverUrl, 'gander_lint');
  project = await makeProject(files);
  const up = await gander(['-dir', 'migrations', 'postgres', database.url, 'up-to', '1'], project);
  expect(up.code, up.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('gander lint -db', () => {
  it('lints only pending migrations; a table created by an earlier pending one is new', async () => {
    const result = await gander(['-dir', 'migrations', 'lint', '-db', database.url], project);
    // 001 is applied (not linted); 004 indexes a table 003 creates, both pending: quiet.
    expect(result.stdout.split('\n').filter((l) => !l.startsWith('    help'))).toEqual([
      'migrations/002_events_kind.sql:2:1  warning  require-concurrent-index-creation  CREATE INDEX events_kind on existing table events without CONCURRENTLY blocks writes to events while it builds',
      '0 errors, 1 warning in 3 files',
      '',
    ]);
    expect(result.code).toBe(0);
  });

  it('reads DRIVER/DBSTRING from GOOSE_DRIVER and GOOSE_DBSTRING too', async () => {
    const result = await gander(['-dir', 'migrations', 'lint'], project, { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: database.url });
    expect(result.stdout).toContain('in 3 files');
  });

  it('raises a lock finding to an error on a table above the size threshold, naming its size', async () => {
    await writeFile(join(project, 'gander-lint.json'), '{"sizeThreshold": "8KB"}');
    try {
      const result = await gander(['-dir', 'migrations', 'lint', '-db', database.url], project);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/migrations\/002_events_kind.sql:2:1 {2}error {2}require-concurrent-index-creation {2}.* \(events is \d+(\.\d)? KB on the database\)/);
    } finally {
      await writeFile(join(project, 'gander-lint.json'), '{}');
    }
  });

  it('flags an applied file that changed since it was applied (drift)', async () => {
    await writeFile(join(project, 'migrations/001_events.sql'), EVENTS.replace("'k' || g", "'kind-' || g"));
    try {
      const result = await gander(['-dir', 'migrations', 'lint', '-db', database.url], project);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^migrations\/001_events.sql:1:1 {2}error {2}drift {2}001_events.sql was applied at .* and has changed since/m);
    } finally {
      await writeFile(join(project, 'migrations/001_events.sql'), EVENTS);
    }
    const clean = await gander(['-dir', 'migrations', 'lint', '-db', database.url], project);
    expect(clean.stdout).not.toContain('drift');
  });
});
