import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GanderError } from '../errors.js';
import { parseMigrationSql } from '../parser/index.js';
import { collectMigrations } from './index.js';

interface Entry {
  name: string;
  entry: string;
  make: 'symlink' | 'fifo' | 'dir' | 'file';
  target?: string;
  content?: string;
  parse?: boolean;
}
interface RefusedCase extends Entry {
  expect: { code: string; contains: string[] };
  mustNotContain?: string[];
}
const table = JSON.parse(readFileSync(new URL('./testdata/hostile-folder.json', import.meta.url), 'utf8')) as {
  cases: RefusedCase[];
  accepted: Entry[];
};

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gander-hostile-'));
  dir = join(root, 'migrations');
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(dir, '00001_ok.sql'), '-- +goose Up\nSELECT 1;\n');
  await writeFile(join(dir, 'sub', 'real.sql'), '-- +goose Up\nSELECT 2;\n');
  await writeFile(join(root, 'outside.sql'), '-- SECRET_OUTSIDE\n-- +goose Up\nSELECT 3;\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function build(entry: Entry): Promise<void> {
  const path = join(dir, entry.entry);
  if (entry.make === 'symlink') await symlink(entry.target!, path);
  else if (entry.make === 'dir') await mkdir(path);
  else if (entry.make === 'fifo') execFileSync('mkfifo', [path]);
  else await writeFile(path, entry.content ?? '');
}

/** What the user would read: message and hint. */
async function failureOf(entry: Entry): Promise<GanderError> {
  process.env.GANDER_HOSTILE_SECRET = 'hunter2-canary';
  try {
    const sources = await collectMigrations(dir);
    if (entry.parse) for (const s of sources) parseMigrationSql(s.content, { file: s.path, env: {} });
  } catch (error) {
    if (error instanceof GanderError) return error;
    throw error;
  } finally {
    delete process.env.GANDER_HOSTILE_SECRET;
  }
  throw new Error(`expected ${entry.name} to be refused`);
}

describe('a hostile migrations folder is refused, never read or quoted (testdata/hostile-folder.json)', () => {
  it.each(table.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await build(c);
    const error = await failureOf(c);
    const text = `${error.message}\n${error.hint ?? ''}`;
    expect(error.code).toBe(c.expect.code);
    for (const piece of c.expect.contains) expect(text).toContain(piece);
    for (const secret of c.mustNotContain ?? []) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(600);
  });

  it.each(table.accepted.map((c) => [c.name, c] as const))('accepted: %s', async (_name, c) => {
    await build(c);
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => s.fileName)).toContain('00001_ok.sql');
    if (c.entry === '00002_alias.sql') {
      const alias = sources.find((s) => s.fileName === '00002_alias.sql')!;
      expect(alias.content).toContain('SELECT 2;');
      // Shown under its own name in the folder, not as the target's path.
      expect(alias.path).toBe(join(dir, '00002_alias.sql'));
    }
  });
});
