import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { pgDatabase } from '../db/pg-adapter.js';
import { GOOSE_LOCK_ID, findLockHolders } from '../lock/advisory-lock.js';
import { sourcesFromList } from '../source/index.js';
import { createTestDatabase } from '@gander/test-server';
import { postgresEngine, testServerUrl, useDatabase } from '../test-support/databases.js';
import { basicSources } from '../test-support/fixtures.js';
import { createProvider } from './provider.js';

// Behaviour only a real server shows: locks that contend between sessions,
// connection failures, and goose's own queries against our table.
describe('provider on a real PostgreSQL server', () => {
  let db: Database;
  let url: string;
  useDatabase(postgresEngine, (opened) => {
    ({ db } = opened);
    url = opened.url!;
  });

  it('lets two providers race up and applies each migration exactly once', async () => {
    const slow = sourcesFromList([
      ...basicSources().map((s) => ({ fileName: s.fileName, content: s.content })),
      { fileName: '00005_slow.sql', content: '-- +goose Up\nSELECT pg_sleep(0.3);\n-- +goose Down\nSELECT 1;\n' },
    ]);
    const dbs = await Promise.all([pgDatabase(url), pgDatabase(url), pgDatabase(url)]);
    try {
      const providers = await Promise.all(dbs.map((d) => createProvider({ db: d, sources: slow, lockPollMs: 50 })));
      const results = await Promise.all(providers.map((p) => p.up()));
      expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
      const applied = results.flatMap((r) => r.results.map((m) => m.version)).sort();
      expect(applied).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect(results.filter((r) => r.results.length > 0)).toHaveLength(1);
      const { rows } = await db.query<{ version_id: string; n: string }>(
        'SELECT version_id::text, count(*)::text AS n FROM goose_db_version GROUP BY version_id ORDER BY version_id',
      );
      expect(rows.every((r) => r.n === '1')).toBe(true);
      expect(rows).toHaveLength(6);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });

  it('times out waiting for the lock and names the session that holds it', async () => {
    const holder = new pg.Client({ connectionString: url, application_name: 'someone-else' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [GOOSE_LOCK_ID.toString()]);
      const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const provider = await createProvider({ db, sources: basicSources(), lockTimeoutMs: 300, lockPollMs: 50 });
      const waits: number[] = [];
      provider.subscribe((e) => {
        if (e.type === 'lock-wait') waits.push(e.holders.length);
      });
      const result = await provider.up();
      expect(result.error?.code).toBe('E_LOCK_TIMEOUT');
      expect(result.error!.message).toContain(`pid ${rows[0]!.pid}`);
      expect(result.error!.message).toContain('application_name="someone-else"');
      expect(waits).toEqual([1]);
      expect(result.results).toEqual([]);
    } finally {
      await holder.end();
    }
    // The holder's session ended, so the lock went with it.
    const after = await (await createProvider({ db, sources: basicSources(), lockTimeoutMs: 1000 })).up();
    expect(after.error).toBeUndefined();
  });

  it('takes the lock per database: a migration elsewhere on the server does not block this one', async () => {
    const other = await createTestDatabase(testServerUrl());
    const holder = new pg.Client({ connectionString: other.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [GOOSE_LOCK_ID.toString()]);
      // Nor is it named as a holder when this database's lock is contended.
      expect(await findLockHolders(db)).toEqual([]);
      const result = await (await createProvider({ db, sources: basicSources(), lockTimeoutMs: 200, lockPollMs: 50 })).up();
      expect(result.error).toBeUndefined();
      expect(result.currentVersion).toBe(4n);
    } finally {
      await holder.end();
      await other.drop();
    }
  });

  it('releases the lock after a failed migration', async () => {
    const broken = sourcesFromList([{ fileName: '1_bad.sql', content: '-- +goose Up\nSELECT * FROM nowhere;\n' }]);
    const result = await (await createProvider({ db, sources: broken })).up();
    expect(result.error?.code).toBe('E_STATEMENT_FAILED');
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory' AND objid::text = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      [(GOOSE_LOCK_ID & 0xffffffffn).toString()],
    );
    expect(rows[0]!.n).toBe('0');
  });

  it('never shows the password of a connection string in an error', async () => {
    const secret = 'S3cr3t-p4ss';
    const bad = new URL(url);
    bad.password = secret;
    bad.port = '1'; // nothing listens there
    const unreachable = await pgDatabase(bad.toString());
    expect(unreachable.target).not.toContain(secret);
    const provider = await createProvider({ db: unreachable, sources: basicSources() });
    const outcome = await provider.up();
    expect(outcome.error?.code).toBe('E_CONNECTION');
    expect(`${outcome.error!.message} ${outcome.error!.hint}`).not.toContain(secret);
    expect(outcome.error!.message).toContain('****');
    await unreachable.close();

    const wrongPassword = new URL(url);
    wrongPassword.password = secret;
    const rejected = await pgDatabase(wrongPassword.toString());
    const failure2 = await (await createProvider({ db: rejected, sources: basicSources() })).status().catch((e: unknown) => e);
    expect(String((failure2 as Error).message)).not.toContain(secret);
    expect((failure2 as { code?: string }).code).toBe('E_CONNECTION');
    await rejected.close();
  });
});
