import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from './pglite-adapter.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('pgliteDatabase on a data directory it cannot open', () => {
  it("names a PostgreSQL server's data directory as such, with what to do (not an internal error)", async () => {
    // What `pglite /var/lib/postgresql/15/main` finds: a cluster of another version.
    const dir = await mkdtemp(join(tmpdir(), 'gander-pg15-'));
    dirs.push(dir);
    await mkdir(join(dir, 'base'));
    await mkdir(join(dir, 'global'));
    await writeFile(join(dir, 'PG_VERSION'), '15\n');
    const error = await pgliteDatabase({ dataDir: dir, vector: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_INVALID_OPTION',
      message: expect.stringMatching(new RegExp(`^PGlite \\(PostgreSQL \\d+\\) cannot open ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: it is a PostgreSQL 15 data directory$`)),
      hint: expect.stringContaining('give pglite a directory of its own'),
    });
  }, 120_000);
});
