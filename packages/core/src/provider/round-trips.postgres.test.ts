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
// error position), the version row and audit row in one CTE, COMMIT. A thousand small migrations
// spend their time here (bench b-1000-small).
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

  it('without the lock-timeout guard: BEGIN, two statements, bookkeeping, COMMIT', async () => {
    expect(await perMigration({ guard: false })).toBe(5);
  });

  it('with the guard: its SET LOCAL rides in the BEGIN round trip', async () => {
    expect(await perMigration({ guard: true })).toBe(5);
  });
});
