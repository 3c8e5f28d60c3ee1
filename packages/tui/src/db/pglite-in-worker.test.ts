import { dataDirLockPath } from '@gander/core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteInWorker } from './pglite-in-worker.js';

const disposers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const dispose of disposers) await dispose();
});

describe('pgliteInWorker', () => {
  it('opens per use under the data directory lock, keeps what a use wrote, and lets go after each use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gander-pglite-worker-'));
    disposers.push(() => rm(dir, { recursive: true, force: true }));
    const dataDir = join(dir, 'pglite');
    const pglite = pgliteInWorker({ dataDir });
    disposers.unshift(() => pglite.dispose());
    await pglite.use(async (db) => {
      expect(db.kind).toBe('pglite');
      expect(db.target).toBe(`pglite:${dataDir}`);
      expect(existsSync(dataDirLockPath(dataDir))).toBe(true);
      await db.exec('CREATE TABLE kept (id int); INSERT INTO kept VALUES (7);');
    });
    expect(existsSync(dataDirLockPath(dataDir))).toBe(false);
    // A new open of the directory: what the last use wrote was flushed by its close.
    const rows = await pglite.use(async (db) => (await db.query<{ id: number }>('SELECT id FROM kept')).rows);
    expect(rows).toEqual([{ id: 7 }]);
  }, 120_000);

  it("gives core PostgreSQL's error fields (SQLSTATE, position) across the thread boundary, and runs uses one at a time", async () => {
    const pglite = pgliteInWorker({ dataDir: 'memory://' });
    disposers.unshift(() => pglite.dispose());
    const error = await pglite.use((db) => db.query('SELECT * FROM no_such_table')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: 'relation "no_such_table" does not exist', code: '42P01', position: '15' });
    // memory:// stays open between uses (closing it would lose it); two uses at once take turns.
    const order: string[] = [];
    await Promise.all([
      pglite.use(async (db) => {
        order.push('a-start');
        await db.exec('CREATE TABLE t (id int); SELECT pg_sleep(0.3);');
        order.push('a-end');
      }),
      pglite.use(async (db) => {
        order.push('b-start');
        await db.exec('INSERT INTO t VALUES (1)');
        order.push('b-end');
      }),
    ]);
    expect(order).toEqual(['a-start', 'a-end', 'b-start', 'b-end']);
    expect(await pglite.use(async (db) => (await db.query('SELECT count(*)::int AS n FROM t')).rows)).toEqual([{ n: 1 }]);
  }, 120_000);
});
