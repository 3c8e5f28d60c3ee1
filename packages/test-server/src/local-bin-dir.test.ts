import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLocalBinDir } from './local-bin-dir.js';
import { unprivilegedRunAs } from './run-as.js';
import { vectorServerTarget } from './vector-server.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gander-bin-'));
  dirs.push(dir);
  for (const file of files) await writeFile(join(dir, file), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('findLocalBinDir', () => {
  it('GANDER_PG_BIN wins, and only there: a folder without initdb and postgres is unavailable, with the reason', async () => {
    const empty = await folder(['psql']);
    expect(findLocalBinDir({ GANDER_PG_BIN: empty })).toEqual({ unavailable: `GANDER_PG_BIN=${empty} holds no initdb and postgres` });
    const full = await folder(['initdb', 'postgres']);
    expect(findLocalBinDir({ GANDER_PG_BIN: full })).toEqual({ binDir: full, from: 'GANDER_PG_BIN' });
  });

  it('vectorServerTarget says why a folder is not the real target', async () => {
    const full = await folder(['initdb', 'postgres']);
    const target = vectorServerTarget({ GANDER_PG_BIN: full });
    expect(target.available).toBe(false);
    expect(!target.available && target.why).toMatch(/not 16\+/);
  });
});

describe('unprivilegedRunAs', () => {
  it.runIf(process.getuid?.() === 0)('as root: the postgres user when there is one, else nobody, never root', async () => {
    const withPostgres = await folder([]);
    await writeFile(join(withPostgres, 'passwd'), 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\npostgres:x:101:104::/var/lib/postgresql:/bin/sh\n');
    expect(unprivilegedRunAs(join(withPostgres, 'passwd'))).toEqual({ name: 'postgres', uid: 101, gid: 104 });
    await writeFile(join(withPostgres, 'passwd'), 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n');
    expect(unprivilegedRunAs(join(withPostgres, 'passwd'))).toEqual({ name: 'nobody', uid: 65534, gid: 65534 });
    await writeFile(join(withPostgres, 'passwd'), 'root:x:0:0::/root:/bin/sh\n');
    expect(() => unprivilegedRunAs(join(withPostgres, 'passwd'))).toThrow(/neither a "postgres" nor a "nobody" user/);
  });

  it('as ourselves when not root; as root never as root', () => {
    const runAs = unprivilegedRunAs();
    if (process.getuid?.() === 0) expect(runAs?.uid).not.toBe(0);
    else expect(runAs).toBeUndefined();
  });
});
