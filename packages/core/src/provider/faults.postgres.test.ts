import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { pgDatabase } from '../db/pg-adapter.js';
import { sourcesFromList } from '../source/index.js';
import { postgresEngine, useDatabase } from '../test-support/databases.js';
import { GanderMigrationError } from './migration-error.js';
import { createProvider } from './provider.js';

async function versions(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ v: string }>('SELECT version_id::text AS v FROM goose_db_version ORDER BY id');
  return rows.map((r) => r.v);
}

// Server-side faults: timeouts the server enforces and sessions the server
// kills. Each must end in a clear error and no version row for the
// unfinished migration.
describe('provider under server faults', () => {
  let db: Database;
  let url: string;
  useDatabase(postgresEngine, (opened) => {
    ({ db } = opened);
    url = opened.url!;
  });

  it('reports a statement_timeout with its SQLSTATE and records nothing', async () => {
    const sources = sourcesFromList([
      {
        fileName: '1_slow.sql',
        content: "-- +goose Up\nSET LOCAL statement_timeout = '100ms';\nCREATE TABLE never (id int);\nSELECT pg_sleep(2);\n",
      },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error).toBeInstanceOf(GanderMigrationError);
    expect((result.error as GanderMigrationError).failure).toMatchObject({ sqlState: '57014', statementIndex: 3, statementLine: 4 });
    expect(result.error!.message).toContain('canceling statement due to statement timeout');
    expect(await versions(db)).toEqual(['0']);
    const { rows } = await db.query<{ gone: boolean }>("SELECT to_regclass('never') IS NULL AS gone");
    expect(rows[0]!.gone).toBe(true);
  });

  it('reports a lock_timeout when another session holds the table', async () => {
    await db.exec('CREATE TABLE busy (id int)');
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE busy IN ACCESS EXCLUSIVE MODE');
      const sources = sourcesFromList([
        { fileName: '1_alter.sql', content: "-- +goose Up\nSET LOCAL lock_timeout = '100ms';\nALTER TABLE busy ADD COLUMN x int;\n" },
      ]);
      const result = await (await createProvider({ db, sources })).up();
      expect((result.error as GanderMigrationError).failure.sqlState).toBe('55P03');
      expect(result.error!.message).toContain('1_alter.sql:3');
      expect(await versions(db)).toEqual(['0']);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
  });

  it('survives its session being killed mid-migration: clear error, nothing recorded, lock gone, next up works', async () => {
    const sources = sourcesFromList([
      { fileName: '1_first.sql', content: '-- +goose Up\nCREATE TABLE first (id int);\n-- +goose Down\nDROP TABLE first;\n' },
      {
        fileName: '2_long.sql',
        content: '-- +goose Up\nCREATE TABLE second (id int);\nSELECT pg_sleep(30);\n-- +goose Down\nDROP TABLE second;\n',
      },
    ]);
    const victim = await pgDatabase(url);
    try {
      const provider = await createProvider({ db: victim, sources });
      const killed = new Promise<void>((resolve) => {
        provider.subscribe((event) => {
          if (event.type === 'statement-start' && event.version === 2n && event.index === 1) {
            // What a server restart does to this session: terminate it.
            setTimeout(() => {
              void db
                .query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(30)%'")
                .then(() => resolve());
            }, 200);
          }
        });
      });
      const result = await provider.up();
      await killed;
      expect(result.results.map((r) => [r.version, r.error?.code])).toEqual([
        [1n, undefined],
        [2n, 'E_STATEMENT_FAILED'],
      ]);
      expect(result.error!.message).toMatch(/2_long\.sql:3: up statement 2 of 2 failed: terminating connection/);
      expect(result.currentVersion).toBe(1n);
    } finally {
      await victim.close();
    }
    expect(await versions(db)).toEqual(['0', '1']);
    const { rows } = await db.query<{ gone: boolean }>("SELECT to_regclass('second') IS NULL AS gone");
    expect(rows[0]!.gone).toBe(true);
    const locks = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    expect(locks.rows[0]!.n).toBe('0');
    const fixed = sourcesFromList([sources[0]!, { fileName: '2_long.sql', content: '-- +goose Up\nCREATE TABLE second (id int);\n' }]);
    const again = await (await createProvider({ db, sources: fixed, lockTimeoutMs: 2000 })).up();
    expect(again.error).toBeUndefined();
    expect(again.results.map((r) => r.version)).toEqual([2n]);
  });
});
