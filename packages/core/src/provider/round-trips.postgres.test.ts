import { describe, expect, it } from 'vitest';
import type { Database, Session } from '../db/database.js';
import { sourcesFromList } from '../source/index.js';
import { postgresEngine, resetDatabase, useDatabase } from '../test-support/databases.js';
import { createProvider } from './provider.js';

/** The same database, with every round trip of every session counted (one exec or query is one round trip). */
function counting(db: Database): { db: Database; sent: string[] } {
  const sent: string[] = [];
  const wrapped: Database = {
    kind: db.kind,
    target: db.target,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    async session(): Promise<Session> {
      const session = await db.session();
      return {
        query: (sql, params) => {
          sent.push(sql);
          return session.query(sql, params);
        },
        exec: (sql) => {
          sent.push(sql);
          return session.exec(sql);
        },
        release: () => session.release(),
      };
    },
  };
  return { db: wrapped, sent };
}

const MIGRATIONS = Array.from({ length: 5 }, (_, i) => ({
  fileName: `0000${i + 1}_t${i + 1}.sql`,
  content: `-- +goose Up\nCREATE TABLE rt_${i + 1} (id int);\nINSERT INTO rt_${i + 1} VALUES (1);\n\n-- +goose Down\nDROP TABLE rt_${i + 1};\n`,
}));

// Per transactional migration, as few round trips as PostgreSQL allows without weakening anything:
// BEGIN (with the guard's SET LOCAL in the same message), one per statement (each keeps its own
// error position and line), then the version row and the audit row (one CTE) with COMMIT in the
// same message. A thousand small migrations spend their time here (bench b-1000-small).
describe('round trips per migration', () => {
  let db: Database;
  useDatabase(postgresEngine, (opened) => ({ db } = opened));

  async function perMigration(options: { guard: boolean }): Promise<number> {
    await resetDatabase(db);
    const sources = sourcesFromList(MIGRATIONS);
    const one = counting(db);
    const first = await (await createProvider({ db: one.db, sources: sourcesFromList(MIGRATIONS.slice(0, 1)), ...(options.guard ? { lockTimeoutGuard: { timeoutMs: 2000 } } : {}) })).up();
    expect(first.error).toBeUndefined();
    const fixed = counting(db);
    // Four more migrations on a database that has the tables: what each migration adds is the difference.
    await resetDatabase(db);
    const all = await (await createProvider({ db: fixed.db, sources, ...(options.guard ? { lockTimeoutGuard: { timeoutMs: 2000 } } : {}) })).up();
    expect(all.error).toBeUndefined();
    expect(all.results).toHaveLength(5);
    return (fixed.sent.length - one.sent.length) / 4;
  }

  it('without the lock-timeout guard: BEGIN, two statements, bookkeeping with COMMIT', async () => {
    expect(await perMigration({ guard: false })).toBe(4);
  });

  it('with the guard: its SET LOCAL rides in the BEGIN round trip', async () => {
    expect(await perMigration({ guard: true })).toBe(4);
  });

  it('writes the audit row the parameterised statement would: quotes and backslashes kept exactly', async () => {
    await resetDatabase(db);
    const label = String.raw`it's a \ test \' E'x' $1 ''`;
    const result = await (await createProvider({ db, sources: sourcesFromList(MIGRATIONS.slice(0, 2)), envLabel: label })).up();
    expect(result.error).toBeUndefined();
    const { rows } = await db.query<{ version_id: string; env_label: string; direction: string; outcome: string; no_tx: boolean; checksum: string }>(
      'SELECT version_id::text, env_label, direction, outcome, no_tx, checksum FROM gander_migration_log ORDER BY id',
    );
    expect(rows.map((r) => [r.version_id, r.env_label, r.direction, r.outcome, r.no_tx])).toEqual([
      ['1', label, 'up', 'ok', false],
      ['2', label, 'up', 'ok', false],
    ]);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    const versions = await db.query<{ version_id: string; is_applied: boolean }>('SELECT version_id::text, is_applied FROM goose_db_version ORDER BY id');
    expect(versions.rows).toEqual([
      { version_id: '0', is_applied: true },
      { version_id: '1', is_applied: true },
      { version_id: '2', is_applied: true },
    ]);
    // Down deletes the version row the same way.
    const down = await (await createProvider({ db, sources: sourcesFromList(MIGRATIONS.slice(0, 2)), envLabel: label })).down();
    expect(down.error).toBeUndefined();
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM goose_db_version WHERE version_id = 2')).rows[0]!.n).toBe(0);
  });

  it('a COMMIT that fails (a deferred constraint) is reported as such, and nothing of the migration stays', async () => {
    await resetDatabase(db);
    const sources = sourcesFromList([
      {
        fileName: '00001_deferred.sql',
        content:
          '-- +goose Up\nCREATE TABLE rt_parent (id int PRIMARY KEY);\nCREATE TABLE rt_child (pid int REFERENCES rt_parent DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO rt_child VALUES (1);\n',
      },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error?.message).toContain('00001_deferred.sql: failed to commit the transaction: ');
    expect(result.error?.message).toContain('foreign key');
    expect((await db.query<{ present: boolean }>("SELECT to_regclass('rt_child') IS NOT NULL AS present")).rows[0]!.present).toBe(false);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM goose_db_version WHERE version_id = 1')).rows[0]!.n).toBe(0);
  });

  it('a connection lost with COMMIT in flight is reported as a failed COMMIT, as docs/guarantees.md says', async () => {
    await resetDatabase(db);
    // A deferred constraint trigger runs inside COMMIT; this one ends its own session there.
    const sources = sourcesFromList([
      {
        fileName: '00001_dies_at_commit.sql',
        content:
          "-- +goose Up\nCREATE TABLE rt_doomed (id int);\n-- +goose StatementBegin\nCREATE FUNCTION rt_die() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;\n-- +goose StatementEnd\nCREATE CONSTRAINT TRIGGER rt_die AFTER INSERT ON rt_doomed DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rt_die();\nINSERT INTO rt_doomed VALUES (1);\n",
      },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error?.message).toContain('00001_dies_at_commit.sql: failed to commit the transaction: ');
    expect((await db.query<{ present: boolean }>("SELECT to_regclass('rt_doomed') IS NOT NULL AS present")).rows[0]!.present).toBe(false);
  });

  it('a bookkeeping INSERT that fails is reported as the version not recorded, and rolled back', async () => {
    await resetDatabase(db);
    // The migration itself makes the version row's INSERT fail (a trigger on goose's table).
    const sources = sourcesFromList([
      {
        fileName: '00001_blocks_bookkeeping.sql',
        content:
          "-- +goose Up\nCREATE TABLE rt_made (id int);\n-- +goose StatementBegin\nCREATE FUNCTION rt_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no version rows today'; END $$;\n-- +goose StatementEnd\nCREATE TRIGGER rt_refuse BEFORE INSERT ON goose_db_version FOR EACH ROW EXECUTE FUNCTION rt_refuse();\n",
      },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error?.message).toContain('00001_blocks_bookkeeping.sql: failed to record the version: no version rows today');
    expect((await db.query<{ present: boolean }>("SELECT to_regclass('rt_made') IS NOT NULL AS present")).rows[0]!.present).toBe(false);
  });
});
