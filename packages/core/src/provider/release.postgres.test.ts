import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { sourcesFromList } from '../source/index.js';
import { postgresEngine, useDatabase } from '../test-support/databases.js';
import { createProvider } from './provider.js';
import type { ProviderEvent } from './types.js';

// Issue 19 on a real server: single-transaction groups, baseline, the
// lock-timeout guard and the failed NO TRANSACTION state.

const file = (fileName: string, up: string, down = 'SELECT 1;', noTx = false) => ({
  fileName,
  content: `${noTx ? '-- +goose NO TRANSACTION\n' : ''}-- +goose Up\n${up}\n-- +goose Down\n${down}\n`,
});

async function versions(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ v: string }>('SELECT version_id::text AS v FROM goose_db_version ORDER BY id');
  return rows.map((r) => r.v);
}

async function exists(db: Database, name: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [name]);
  return rows[0]!.ok;
}

async function client(url: string, applicationName: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: applicationName });
  await c.connect();
  return c;
}

/** Wait until some session runs a query matching `like` and waits on a lock; its pid. */
async function waitingOnLock(db: Database, like: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1 AND pid <> pg_backend_pid()`,
      [like],
    );
    if (rows[0]) return rows[0].pid;
    await sleep(10);
  }
  throw new Error(`no session waited on a lock running ${like}`);
}

describe('safe releases on a real PostgreSQL server', () => {
  let db: Database;
  let url: string;
  useDatabase(postgresEngine, (opened) => {
    ({ db } = opened);
    url = opened.url!;
  });

  describe('single transaction', () => {
    const sources = () =>
      sourcesFromList([
        file('00001_a.sql', 'CREATE TABLE a (id int);'),
        file('00002_b.sql', 'CREATE TABLE b (id int);'),
        file('00003_idx.sql', 'CREATE INDEX CONCURRENTLY a_id_idx ON a (id);', 'DROP INDEX CONCURRENTLY a_id_idx;', true),
        file('00004_c.sql', 'CREATE TABLE c (id int);'),
        file('00005_d.sql', 'CREATE TABLE d (id int);'),
        file('00006_e.sql', 'SELECT no_such_column FROM c;'),
      ]);

    it('plans groups split around the NO TRANSACTION file', async () => {
      const provider = await createProvider({ db, sources: sources(), singleTransaction: true });
      const plan = await provider.plan({ kind: 'up' });
      expect(plan.singleTransaction).toBe(true);
      expect(plan.steps.map((s) => [Number(s.version), s.group])).toEqual([
        [1, 1],
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 3],
        [6, 3],
      ]);
    });

    it('a failure rolls back its whole group; earlier groups stay applied and the result says so', async () => {
      const provider = await createProvider({ db, sources: sources(), singleTransaction: true });
      const events: ProviderEvent[] = [];
      provider.subscribe((e) => events.push(e));
      const result = await provider.up();
      expect(result.error?.code).toBe('E_STATEMENT_FAILED');
      expect(result.failedGroup).toBe(3);
      expect(result.results.map((r) => [Number(r.version), r.group, r.rolledBack ?? false, r.error?.code])).toEqual([
        [1, 1, false, undefined],
        [2, 1, false, undefined],
        [3, 2, false, undefined],
        [4, 3, true, undefined],
        [5, 3, true, undefined],
        [6, 3, false, 'E_STATEMENT_FAILED'],
      ]);
      // Nothing of group 3 is left: not the tables, not the version rows.
      expect(await exists(db, 'c')).toBe(false);
      expect(await exists(db, 'd')).toBe(false);
      expect(await exists(db, 'b')).toBe(true);
      expect(await exists(db, 'a_id_idx')).toBe(true);
      expect(await versions(db)).toEqual(['0', '1', '2', '3']);
      expect(result.currentVersion).toBe(3n);
      expect(events.filter((e) => e.type === 'group-done')).toEqual([
        { type: 'group-done', group: 1, committed: true },
        { type: 'group-done', group: 3, committed: false },
      ]);
      // One audit row per migration, with its group.
      const { rows } = await db.query<{ v: string; g: number | null; outcome: string }>(
        'SELECT version_id::text AS v, run_group AS g, outcome FROM gander_migration_log WHERE event IS NULL ORDER BY id',
      );
      expect(rows).toEqual([
        { v: '1', g: 1, outcome: 'ok' },
        { v: '2', g: 1, outcome: 'ok' },
        { v: '3', g: 2, outcome: 'ok' },
        { v: '4', g: 3, outcome: 'failed' },
        { v: '5', g: 3, outcome: 'failed' },
        { v: '6', g: 3, outcome: 'failed' },
      ]);
    });

    it('without singleTransaction the same run keeps each migration that succeeded (goose behaviour)', async () => {
      const result = await (await createProvider({ db, sources: sources() })).up();
      expect(result.error?.code).toBe('E_STATEMENT_FAILED');
      expect(await versions(db)).toEqual(['0', '1', '2', '3', '4', '5']);
    });
  });

  describe('baseline', () => {
    const sources = () =>
      sourcesFromList([
        file('00001_a.sql', 'CREATE TABLE a (id int);'),
        file('00002_b.sql', 'CREATE TABLE b (id int);'),
        file('00003_c.sql', 'CREATE TABLE c (id int);'),
        file('00004_d.sql', 'CREATE TABLE d (id int);'),
      ]);

    it('records versions up to V as goose would, then up applies only the later ones', async () => {
      // The schema exists; its history does not.
      await db.exec('CREATE TABLE a (id int); CREATE TABLE b (id int)');
      const provider = await createProvider({ db, sources: sources(), envLabel: 'prod' });
      const result = await provider.baseline(2n, { reason: 'adopting gander on the legacy database' });
      expect(result).toEqual({ recorded: [1n, 2n], currentVersion: 2n });
      // goose's own queries (internal/dialects/postgres.go) see versions 1 and 2 applied.
      const list = await db.query<{ version_id: unknown; is_applied: boolean }>(
        'SELECT version_id, is_applied from goose_db_version ORDER BY id DESC',
      );
      expect(list.rows.map((r) => [String(r.version_id), r.is_applied])).toEqual([
        ['2', true],
        ['1', true],
        ['0', true],
      ]);
      const up = await provider.up();
      expect(up.error).toBeUndefined();
      expect(up.results.map((r) => r.version)).toEqual([3n, 4n]);
      const audit = await db.query<{ event: string; v: string; reason: string; env_label: string; db_user: string }>(
        "SELECT event, version_id::text AS v, reason, env_label, db_user FROM gander_migration_log WHERE event = 'baseline'",
      );
      expect(audit.rows).toEqual([
        { event: 'baseline', v: '2', reason: 'adopting gander on the legacy database', env_label: 'prod', db_user: expect.any(String) },
      ]);
    });

    it('refuses when the version table already has applied rows, unless forced', async () => {
      const provider = await createProvider({ db, sources: sources() });
      await provider.upTo(1n);
      await expect(provider.baseline(3n)).rejects.toMatchObject({ code: 'E_BASELINE_REFUSED' });
      expect(await versions(db)).toEqual(['0', '1']);
      const forced = await provider.baseline(3n, { force: true, reason: 'b and c were made by hand' });
      expect(forced.recorded).toEqual([2n, 3n]);
      expect(await versions(db)).toEqual(['0', '1', '2', '3']);
    });

    it('refuses a version with no file', async () => {
      await expect((await createProvider({ db, sources: sources() })).baseline(7n)).rejects.toMatchObject({ code: 'E_VERSION_NOT_FOUND' });
    });
  });

  describe('lock-timeout guard', () => {
    const sources = () =>
      sourcesFromList([file('00001_t.sql', 'CREATE TABLE t (id int);'), file('00002_alter.sql', 'ALTER TABLE t ADD COLUMN z int;')]);
    const guard = { timeoutMs: 200, attempts: 3, backoffMs: 50 };

    it('retries while a session holds ACCESS SHARE, and succeeds once it commits', async () => {
      await (await createProvider({ db, sources: sources() })).upTo(1n);
      const blocker = await client(url, 'long-report');
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT count(*) FROM t');
        const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const provider = await createProvider({ db, sources: sources(), lockTimeoutGuard: guard });
        const retries: Extract<ProviderEvent, { type: 'lock-retry' }>[] = [];
        provider.subscribe((e) => {
          if (e.type !== 'lock-retry') return;
          retries.push(e);
          // The long report ends after the first attempt gave up.
          if (retries.length === 1) void blocker.query('COMMIT');
        });
        const result = await provider.up();
        expect(result.error).toBeUndefined();
        expect(result.results[0]!.attempts).toBeGreaterThanOrEqual(2);
        expect(retries[0]).toMatchObject({ version: 2n, attempt: 1, attempts: 3 });
        expect(retries[0]!.blockers.map((b) => [b.pid, b.applicationName])).toEqual([[blockerPid, 'long-report']]);
        expect(retries[0]!.blockers[0]!.transactionAgeSeconds).toBeGreaterThanOrEqual(0);
        const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM gander_migration_log WHERE event = 'lock-retry'");
        expect(rows[0]!.n).toBe(retries.length);
        expect(await versions(db)).toEqual(['0', '1', '2']);
      } finally {
        await blocker.end();
      }
    });

    it('gives up after N attempts naming the blocker, and never queues a reader behind it for longer than the timeout', async () => {
      await (await createProvider({ db, sources: sources() })).upTo(1n);
      const blocker = await client(url, 'long-report');
      const reader = await client(url, 'web-request');
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT count(*) FROM t');
        const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const provider = await createProvider({ db, sources: sources(), lockTimeoutGuard: guard });
        const attempts: number[] = [];
        provider.subscribe((e) => {
          if (e.type === 'lock-retry') attempts.push(e.attempt);
        });
        const running = provider.up();
        // A web request arrives while the ALTER waits: it queues behind the ALTER's ACCESS EXCLUSIVE request.
        await waitingOnLock(db, 'ALTER TABLE t%');
        const t0 = performance.now();
        await reader.query('SELECT count(*) FROM t');
        const queuedMs = performance.now() - t0;
        const result = await running;
        expect(result.error?.code).toBe('E_LOCK_NOT_AVAILABLE');
        expect(result.error!.message).toContain(`pid ${blockerPid}`);
        expect(result.error!.message).toContain('application_name="long-report"');
        expect(result.error!.message).toContain('3 attempts');
        expect(attempts).toEqual([1, 2, 3]);
        // Bounded by the guard's timeout (one attempt's wait), not by the blocker.
        expect(queuedMs).toBeLessThan(guard.timeoutMs * 2);
        expect(await versions(db)).toEqual(['0', '1']);
        const { rows } = await db.query<{ attempt: number; error: string }>(
          "SELECT attempt, error FROM gander_migration_log WHERE event = 'lock-retry' ORDER BY id",
        );
        expect(rows.map((r) => r.attempt)).toEqual([1, 2, 3]);
        expect(rows[0]!.error).toContain(`pid ${blockerPid} (long-report)`);
      } finally {
        await blocker.end();
        await reader.end();
      }
    });

    it('guards NO TRANSACTION statements one by one, never repeating the earlier ones', async () => {
      const notx = sourcesFromList([
        file('00001_t.sql', 'CREATE TABLE t (id int); CREATE TABLE runs (n int);'),
        file('00002_notx.sql', 'INSERT INTO runs VALUES (1);\nALTER TABLE t ADD COLUMN z int;', 'SELECT 1;', true),
      ]);
      await (await createProvider({ db, sources: notx })).upTo(1n);
      const blocker = await client(url, 'long-report');
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT count(*) FROM t');
        const provider = await createProvider({ db, sources: notx, lockTimeoutGuard: guard });
        const retries: { attempt: number; statement: number | undefined }[] = [];
        provider.subscribe((e) => {
          if (e.type !== 'lock-retry') return;
          retries.push({ attempt: e.attempt, statement: e.statement });
          if (retries.length === 1) void blocker.query('COMMIT');
        });
        const result = await provider.up();
        expect(result.error).toBeUndefined();
        expect(retries[0]).toEqual({ attempt: 1, statement: 2 });
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs');
        expect(rows[0]!.n).toBe(1);
      } finally {
        await blocker.end();
      }
    });
  });

  describe('failed NO TRANSACTION state', () => {
    const sources = () =>
      sourcesFromList([
        file('00001_t.sql', "CREATE TABLE t (id int, y int); INSERT INTO t VALUES (1, 1), (2, 1);"),
        file('00002_idx.sql', 'CREATE INDEX CONCURRENTLY t_y_idx ON t (y);\nSELECT 1;', 'DROP INDEX CONCURRENTLY IF EXISTS t_y_idx;', true),
        file('00003_next.sql', 'CREATE TABLE after_it (id int);'),
      ]);

    it('a killed run shows as failed part-way with its invalid index; up refuses until told to retry', async () => {
      await (await createProvider({ db, sources: sources() })).upTo(1n);
      // A writer's open transaction makes CREATE INDEX CONCURRENTLY wait after it created the (still invalid) index.
      const writer = await client(url, 'writer');
      try {
        await writer.query('BEGIN');
        await writer.query('INSERT INTO t VALUES (3, 3)');
        const running = (await createProvider({ db, sources: sources() })).up();
        const pid = await waitingOnLock(db, 'CREATE INDEX CONCURRENTLY%');
        // The migration's connection dies mid-statement, as when the process is killed.
        await db.query('SELECT pg_terminate_backend($1)', [pid]);
        const result = await running;
        expect(result.error).toBeDefined();
      } finally {
        await writer.query('ROLLBACK');
        await writer.end();
      }
      const provider = await createProvider({ db, sources: sources() });
      const status = await provider.status();
      expect(status.failed).toHaveLength(1);
      const failed = status.failed[0]!;
      expect(failed).toMatchObject({ version: 2n, file: '00002_idx.sql', direction: 'up', error: undefined, invalidIndexes: ['public.t_y_idx'] });
      expect(failed.recovery[0]).toBe('DROP INDEX CONCURRENTLY IF EXISTS public.t_y_idx;  -- invalid index left by the failed CREATE INDEX CONCURRENTLY');
      expect(failed.recovery.join('\n')).toContain('gander up --retry-failed');
      expect(status.migrations.find((m) => m.version === 2n)).toMatchObject({ state: 'pending', failedPartWay: true });

      const refused = await provider.up();
      expect(refused.error?.code).toBe('E_FAILED_MIGRATION');
      expect(refused.error!.message).toContain('00002_idx.sql');
      expect(refused.error!.message).toContain('public.t_y_idx');
      expect(refused.results).toEqual([]);
      expect(await exists(db, 'after_it')).toBe(false);

      await db.exec('DROP INDEX CONCURRENTLY IF EXISTS public.t_y_idx');
      const retried = await (await createProvider({ db, sources: sources(), retryFailed: true })).up();
      expect(retried.error).toBeUndefined();
      expect(retried.results.map((r) => r.version)).toEqual([2n, 3n]);
      expect((await provider.status()).failed).toEqual([]);
    });

    it('a NO TRANSACTION failure records its error and names the invalid index it left', async () => {
      const unique = sourcesFromList([
        file('00001_t.sql', 'CREATE TABLE t (id int, y int); INSERT INTO t VALUES (1, 1), (2, 1);'),
        file('00002_uniq.sql', 'CREATE UNIQUE INDEX CONCURRENTLY t_y_key ON t (y);', 'SELECT 1;', true),
      ]);
      const provider = await createProvider({ db, sources: unique });
      const result = await provider.up();
      expect(result.error?.code).toBe('E_STATEMENT_FAILED');
      const status = await provider.status();
      expect(status.failed.map((f) => [f.version, f.invalidIndexes])).toEqual([[2n, ['public.t_y_key']]]);
      expect(status.failed[0]!.error).toContain('could not create unique index');
    });
  });
});
