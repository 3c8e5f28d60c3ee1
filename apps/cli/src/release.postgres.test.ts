import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@gander/test-server';
import { useAdminDatabase } from './test-support/admin-database.js';
import { assertBuilt, logLines, makeProject, runCli } from './test-support/cli.js';

// Issue 19 from the command line, text and --json: single-transaction groups,
// baseline, the lock-timeout guard, the failed NO TRANSACTION state, the table lock.

let database: TestDatabase;
let admin: pg.Client;

beforeAll(() => assertBuilt());
useAdminDatabase('gander_release', (opened) => ({ database, admin } = opened));
beforeEach(async () => {
  await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
});

const sql = (up: string, noTx = false) => `${noTx ? '-- +goose NO TRANSACTION\n' : ''}-- +goose Up\n${up}\n-- +goose Down\nSELECT 1;\n`;
const project = (files: Record<string, string>) =>
  makeProject(Object.fromEntries(Object.entries(files).map(([name, text]) => [`migrations/${name}`, text])));
const gander = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  runCli(['-dir', 'migrations', ...args.slice(0, -1), 'postgres', database.url, args.at(-1)!.split(' ')[0]!, ...args.at(-1)!.split(' ').slice(1)], { cwd, env });
const versions = async () =>
  (await admin.query<{ v: string }>('SELECT version_id::text AS v FROM goose_db_version ORDER BY id')).rows.map((r) => r.v);

describe('single transaction', () => {
  const files = {
    '00001_a.sql': sql('CREATE TABLE a (id int);'),
    '00002_idx.sql': sql('CREATE INDEX CONCURRENTLY a_idx ON a (id);', true),
    '00003_b.sql': sql('CREATE TABLE b (id int);'),
    '00004_bad.sql': sql('SELECT nope FROM b;'),
  };

  it('plan shows the groups, in text and JSON', async () => {
    const cwd = await project(files);
    const text = await gander(cwd, ['-single-transaction', 'plan']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('-- group 1: 1 migration in one transaction (BEGIN … COMMIT), all or nothing');
    expect(text.stdout).toContain('-- group 2: NO TRANSACTION, on its own');
    expect(text.stdout).toContain('-- group 3: 2 migrations in one transaction');
    const json = JSON.parse((await gander(cwd, ['-single-transaction', '--json', 'plan'])).stdout);
    expect(json.singleTransaction).toBe(true);
    expect(json.steps.map((s: { version: string; group: number }) => [s.version, s.group])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 3],
    ]);
  });

  it('a failure rolls back its group; the output says which group and what stayed', async () => {
    const cwd = await project(files);
    const run = await gander(cwd, ['-single-transaction', 'up']);
    expect(run.code).toBe(1);
    const lines = logLines(run.stderr);
    expect(lines).toContain('ROLLED BACK 00003_b.sql (group 3: a later migration of its transaction failed)');
    expect(lines).toContain('goose: group 3 was rolled back whole (3, 4); applied and kept: 1, 2');
    expect(await versions()).toEqual(['0', '1', '2']);
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const json = JSON.parse((await gander(cwd, ['-single-transaction', '--json', 'up'])).stdout);
    expect(json.ok).toBe(false);
    expect(json.failedGroup).toBe(3);
    expect(json.keptApplied).toEqual(['1', '2']);
    expect(json.results.map((r: { version: string; group: number; ok: boolean; rolledBack?: boolean }) => [r.version, r.group, r.ok, r.rolledBack ?? false])).toEqual([
      ['1', 1, true, false],
      ['2', 2, true, false],
      ['3', 3, false, true],
      ['4', 3, false, false],
    ]);
  });
});

describe('baseline', () => {
  const files = {
    '00001_a.sql': sql('CREATE TABLE a (id int);'),
    '00002_b.sql': sql('CREATE TABLE b (id int);'),
    '00003_c.sql': sql('CREATE TABLE c (id int);'),
  };

  it('records versions with a reason, then up applies the rest; a second baseline is refused unless forced', async () => {
    const cwd = await project(files);
    await admin.query('CREATE TABLE a (id int); CREATE TABLE b (id int)');
    const run = await gander(cwd, ['-reason', 'legacy schema made by hand', 'baseline 2']);
    expect(run.code).toBe(0);
    expect(logLines(run.stderr)).toEqual([
      'goose: baseline 2: recorded 2 versions as applied without running them (1, 2); reason: legacy schema made by hand',
    ]);
    const up = await gander(cwd, ['up']);
    expect(logLines(up.stderr)[0]).toMatch(/^OK {3}00003_c\.sql/);
    const again = JSON.parse((await gander(cwd, ['--json', 'baseline 3'])).stdout);
    expect(again.ok).toBe(false);
    expect(again.error.code).toBe('E_BASELINE_REFUSED');
    const { rows } = await admin.query<{ reason: string }>("SELECT reason FROM gander_migration_log WHERE event = 'baseline'");
    expect(rows).toEqual([{ reason: 'legacy schema made by hand' }]);
  });

  it('--json reports what was recorded', async () => {
    const cwd = await project(files);
    const json = JSON.parse((await gander(cwd, ['--json', '-reason', 'adopt', 'baseline 1'])).stdout);
    expect(json).toMatchObject({ ok: true, command: 'baseline', currentVersion: '1', baseline: { version: '1', recorded: ['1'], reason: 'adopt', forced: false } });
  });
});

describe('lock-timeout guard', () => {
  it('retries, names the blocker in the log and the JSON error, and gives up after the attempts', async () => {
    const cwd = await project({ '00001_t.sql': sql('CREATE TABLE t (id int);'), '00002_alter.sql': sql('ALTER TABLE t ADD COLUMN z int;') });
    await gander(cwd, ['up-to 1']);
    const blocker = new pg.Client({ connectionString: database.url, application_name: 'nightly-report' });
    await blocker.connect();
    try {
      await blocker.query('BEGIN; SELECT count(*) FROM t');
      const pid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const text = await gander(cwd, ['-lock-timeout-guard', '150ms', '-lock-timeout-guard-attempts', '2', 'up']);
      expect(text.code).toBe(1);
      const lines = logLines(text.stderr);
      expect(lines.some((l) => l.startsWith('goose: 00002_alter.sql: attempt 1 of 2 gave up waiting for a lock (lock_timeout), blocked by '))).toBe(true);
      expect(lines.some((l) => l.includes(`blocked by pid ${pid} (application_name="nightly-report"`))).toBe(true);
      expect(lines.some((l) => l.includes('attempt 2 of 2 gave up'))).toBe(true);
      const json = JSON.parse((await gander(cwd, ['--json', 'up'], { GANDER_LOCK_TIMEOUT_GUARD: '150ms', GANDER_LOCK_TIMEOUT_GUARD_ATTEMPTS: '2' })).stdout);
      expect(json.error.code).toBe('E_LOCK_NOT_AVAILABLE');
      expect(json.error.message).toContain(`pid ${pid}`);
      expect(await versions()).toEqual(['0', '1']);
    } finally {
      await blocker.end();
    }
  });
});

describe('failed NO TRANSACTION migration', () => {
  it('status shows it with its invalid index and the recovery steps; up refuses until -retry-failed', async () => {
    const cwd = await project({
      '00001_t.sql': sql('CREATE TABLE t (y int); INSERT INTO t VALUES (1), (1);'),
      '00002_uniq.sql': sql('CREATE UNIQUE INDEX CONCURRENTLY t_y_key ON t (y);', true),
      '00003_next.sql': sql('CREATE TABLE next_one (id int);'),
    });
    expect((await gander(cwd, ['up'])).code).toBe(1);
    const status = await gander(cwd, ['status']);
    const lines = logLines(status.stderr);
    expect(lines.some((l) => l.startsWith('goose: FAILED PART-WAY: 00002_uniq.sql (version 2, up, NO TRANSACTION'))).toBe(true);
    expect(lines).toContain('goose:   left behind: invalid index public.t_y_key');
    expect(lines).toContain('goose:     1. DROP INDEX CONCURRENTLY IF EXISTS public.t_y_key;  -- invalid index left by the failed CREATE INDEX CONCURRENTLY');
    const json = JSON.parse((await gander(cwd, ['--json', 'status'])).stdout);
    expect(json.failed).toMatchObject([{ version: '2', file: '00002_uniq.sql', invalidIndexes: ['public.t_y_key'] }]);
    expect(json.migrations.find((m: { version: string }) => m.version === '2').failedPartWay).toBe(true);
    const refused = JSON.parse((await gander(cwd, ['--json', 'up'])).stdout);
    expect(refused.error.code).toBe('E_FAILED_MIGRATION');
    await admin.query('DROP INDEX t_y_key; DELETE FROM t WHERE ctid IN (SELECT ctid FROM t LIMIT 1)');
    const retried = await gander(cwd, ['-retry-failed', 'up']);
    expect(retried.code).toBe(0);
    expect(await versions()).toEqual(['0', '1', '2', '3']);
  });
});

describe('table lock mode', () => {
  it('-lock-mode table (and GANDER_LOCK_MODE) uses goose_lock and leaves it released', async () => {
    const cwd = await project({ '00001_a.sql': sql('CREATE TABLE a (id int);') });
    const run = await gander(cwd, ['-lock-mode', 'table', 'up']);
    expect(run.code).toBe(0);
    const { rows } = await admin.query<{ lock_id: string; locked: boolean; locked_by: string | null }>(
      'SELECT lock_id::text, locked, locked_by FROM goose_lock',
    );
    expect(rows).toEqual([{ lock_id: '4097083626', locked: false, locked_by: null }]);
    const bad = JSON.parse((await gander(cwd, ['--json', 'status'], { GANDER_LOCK_MODE: 'sideways' })).stdout);
    expect(bad.error.code).toBe('E_USAGE');
  });
});
