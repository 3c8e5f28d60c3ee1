import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from './pglite-adapter.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function sharedBuffers(options: { dataDir: string; sharedBuffers?: string }): Promise<{ setting: string; rows: number }> {
  const db = await pgliteDatabase({ ...options, vector: false });
  try {
    const { rows } = await db.query<{ setting: string; rows: string }>("SELECT current_setting('shared_buffers') AS setting, (SELECT count(*) FROM kept)::text AS rows");
    return { setting: rows[0]!.setting, rows: Number(rows[0]!.rows) };
  } finally {
    await db.close();
  }
}

describe('pgliteDatabase sharedBuffers', () => {
  it('starts PGlite with the buffer pool asked for, for that instance only; the data directory is the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gander-shared-buffers-'));
    dirs.push(dir);
    const setup = await pgliteDatabase({ dataDir: dir, vector: false });
    await setup.exec('CREATE TABLE kept (id int); INSERT INTO kept VALUES (1), (2)');
    await setup.close();
    expect(await sharedBuffers({ dataDir: dir, sharedBuffers: '1MB' })).toEqual({ setting: '1MB', rows: 2 });
    // Not written into the data directory: the next instance has PGlite's default again.
    expect(await sharedBuffers({ dataDir: dir })).toEqual({ setting: '128MB', rows: 2 });
  }, 120_000);
});
