import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, logLines, makeProject, runCli } from '../test-support/cli.js';
import { scalar, startCli, waitFor, withClient } from './support.js';

const FIRST = `-- +goose Up
CREATE TABLE crash_first (id int);
-- +goose Down
DROP TABLE crash_first;
`;
const LONG_TX = `-- +goose Up
CREATE TABLE crash_tx (id int);
SELECT pg_sleep(60);
-- +goose Down
DROP TABLE crash_tx;
`;
// Recovery as docs/guarantees.md says: every statement safe to repeat.
const LONG_NO_TX = `-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE IF NOT EXISTS crash_notx_a (id int);
SELECT pg_sleep(60);
CREATE TABLE IF NOT EXISTS crash_notx_b (id int);
-- +goose Down
DROP TABLE IF EXISTS crash_notx_b;
DROP TABLE IF EXISTS crash_notx_a;
`;

// kill -9 in the middle of a migration: what is left, and does the next run recover?
describe('gander killed with SIGKILL mid-migration', () => {
  let database: TestDatabase;
  let cwd: string;
  const gander = (...args: string[]) => ['-dir', 'migrations', 'postgres', database.url, ...args];
  const sleeping = () =>
    scalar(database.url, "SELECT count(*) AS v FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(60)%'").then((n) => n === '1');
  const advisoryLocks = () => scalar(database.url, "SELECT count(*) AS v FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  const exists = (table: string) => scalar(database.url, `SELECT to_regclass('${table}') IS NOT NULL AS v`).then((v) => v === 'true');

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_crash');
  });
  afterAll(async () => {
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await withClient(database.url, (c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('in a transactional migration: no trace is left, the lock goes with the session, the next up succeeds', async () => {
    cwd = await makeProject({ 'migrations/00001_first.sql': FIRST, 'migrations/00002_long.sql': LONG_TX });
    const child = startCli(gander('up'), cwd);
    await waitFor('the long statement to run', sleeping);
    expect(await advisoryLocks()).toBe('1');
    child.kill('SIGKILL');
    const { signal } = await child.output;
    expect(signal).toBe('SIGKILL');
    // The server notices the dead client (client_connection_check_interval) and rolls back.
    await waitFor('the orphaned backend to end', async () => !(await sleeping()), 15_000);
    await waitFor('the advisory lock to be released', async () => (await advisoryLocks()) === '0', 5_000);
    expect(await exists('crash_tx')).toBe(false);
    expect(await scalar(database.url, 'SELECT string_agg(version_id::text, \',\' ORDER BY id) AS v FROM goose_db_version')).toBe('0,1');

    await writeFile(join(cwd, 'migrations/00002_long.sql'), LONG_TX.replace('pg_sleep(60)', 'pg_sleep(0)'));
    const next = await runCli([...gander('up'), '--lock-timeout', '5s'], { cwd });
    expect(next.code).toBe(0);
    expect(logLines(next.stderr).at(-1)).toBe('goose: successfully migrated database to version: 2');
  });

  it('in a NO TRANSACTION migration: status reports it pending and failed part-way, and the documented recovery works', async () => {
    cwd = await makeProject({ 'migrations/00001_first.sql': FIRST, 'migrations/00002_notx.sql': LONG_NO_TX });
    const child = startCli(gander('up'), cwd);
    await waitFor('the long statement to run', sleeping);
    child.kill('SIGKILL');
    await child.output;
    await waitFor('the orphaned backend to end', async () => !(await sleeping()), 15_000);
    await waitFor('the advisory lock to be released', async () => (await advisoryLocks()) === '0', 5_000);
    // The first statement committed on its own; the version was never recorded.
    expect(await exists('crash_notx_a')).toBe(true);
    expect(await exists('crash_notx_b')).toBe(false);
    const status = await runCli(gander('status'), { cwd });
    expect(status.code).toBe(0);
    const lines = logLines(status.stderr);
    expect(lines.some((l) => /^ {4}Pending {18}-- 00002_notx\.sql$/.test(l))).toBe(true);
    // The audit log's 'started' row without an end: killed part-way, said so, with the way out.
    expect(lines.some((l) => l.startsWith('goose: FAILED PART-WAY: 00002_notx.sql (version 2, up, NO TRANSACTION') && l.endsWith('it never recorded an end: the process was killed or lost its connection'))).toBe(true);
    expect(lines.some((l) => l.includes('gander up --retry-failed'))).toBe(true);
    // up refuses to run past it until told to retry it.
    const refused = await runCli(gander('up'), { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('00002_notx.sql (version 2) ran without a transaction and failed part-way');
    // The file is safe to repeat (IF NOT EXISTS), so up --retry-failed finishes it and records it.
    await writeFile(join(cwd, 'migrations/00002_notx.sql'), LONG_NO_TX.replace('pg_sleep(60)', 'pg_sleep(0)'));
    const next = await runCli(['-retry-failed', ...gander('up')], { cwd });
    expect(next.code).toBe(0);
    expect(await exists('crash_notx_b')).toBe(true);
    expect(await scalar(database.url, 'SELECT max(version_id) AS v FROM goose_db_version')).toBe('2');
  });
});
