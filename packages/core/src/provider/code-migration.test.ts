import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { postgresEngine, useDatabase } from '../test-support/databases.js';
import { createProvider } from './provider.js';

const files: Record<string, string> = {
  '00001_users.sql': '-- +goose Up\nCREATE TABLE users (id int PRIMARY KEY, name text);\n-- +goose Down\nDROP TABLE users;\n',
  '00002_seed_users.js': `
export async function up(db) {
  for (const [id, name] of [[1, 'ada'], [2, 'bob']]) {
    await db.query('INSERT INTO users VALUES ($1, $2)', [id, name]);
  }
}
export async function down(db) {
  await db.exec('DELETE FROM users');
}
`,
  '00003_empty.js': 'export const note = "no functions: an empty migration";\n',
};

// .js migrations (goose's Go migrations, in JavaScript): run by the provider
// inside the same transaction and bookkeeping as SQL ones.
describe('code migrations', () => {
  let db: Database;
  let dir: string;
  useDatabase(postgresEngine, (opened) => ({ db } = opened));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gander-code-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('runs up and down functions with the session, records versions, and treats a missing function as empty', async () => {
    const provider = await createProvider({ db, dir });
    const plan = await provider.plan({ kind: 'up' });
    // A plan never loads code (loading runs it): it names the code migrations instead.
    expect(plan.steps.map((s) => [s.file, s.statements.length, typeof s.code, s.codeMigration])).toEqual([
      ['00001_users.sql', 1, 'undefined', undefined],
      ['00002_seed_users.js', 0, 'undefined', 'js'],
      ['00003_empty.js', 0, 'undefined', 'js'],
    ]);
    const up = await provider.up();
    expect(up.error).toBeUndefined();
    expect(up.results.map((r) => [r.version, r.empty])).toEqual([
      [1n, false],
      [2n, false],
      [3n, true],
    ]);
    expect((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM users')).rows[0]!.n).toBe('2');
    const down = await provider.downTo(1n);
    expect(down.results.map((r) => r.version)).toEqual([3n, 2n]);
    expect((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM users')).rows[0]!.n).toBe('0');
  });

  it('plan and status never execute a code migration (its top-level code does not run)', async () => {
    const own = await mkdtemp(join(tmpdir(), 'gander-code-plan-'));
    const marker = join(own, 'ran.txt');
    try {
      await writeFile(join(own, '00001_side_effect.js'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport async function up() {}\n`);
      const provider = await createProvider({ db, dir: own, table: 'code_plan_versions', auditLog: false });
      const plan = await provider.plan({ kind: 'up' });
      expect(plan.steps.map((s) => [s.file, s.codeMigration])).toEqual([['00001_side_effect.js', 'js']]);
      await provider.status();
      expect(existsSync(marker)).toBe(false);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('rolls a failing transactional function back and names the file; runs transaction = false outside one', async () => {
    await writeFile(
      join(dir, '00004_half.js'),
      "export async function up(db) { await db.exec('CREATE TABLE half (id int)'); await db.exec('SELECT * FROM nowhere'); }\n",
    );
    await writeFile(
      join(dir, '00005_notx.js'),
      "export const transaction = false;\nexport async function up(db) { await db.exec('CREATE TABLE notx (id int)'); }\n",
    );
    const failed = await (await createProvider({ db, dir })).up();
    expect(failed.error?.code).toBe('E_STATEMENT_FAILED');
    expect(failed.error!.message).toContain('00004_half.js: up() failed: relation "nowhere" does not exist (SQLSTATE 42P01)');
    expect(failed.error!.message).toContain('rolled back');
    expect((await db.query<{ gone: boolean }>("SELECT to_regclass('half') IS NULL AS gone")).rows[0]!.gone).toBe(true);
    expect(failed.currentVersion).toBe(3n);

    await writeFile(join(dir, '00004_half.js'), "export async function up(db) { await db.exec('CREATE TABLE half (id int)'); }\n");
    const plan = await (await createProvider({ db, dir })).plan({ kind: 'up' });
    expect(plan.steps.map((s) => [s.file, s.useTx])).toEqual([
      ['00004_half.js', true],
      ['00005_notx.js', false],
    ]);
    const ok = await (await createProvider({ db, dir })).up();
    expect(ok.error).toBeUndefined();
    expect(ok.currentVersion).toBe(5n);
  });

  it('refuses an export that is not a function, before running anything', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'gander-code-bad-'));
    try {
      await writeFile(join(bad, '00001_bad.js'), 'export const up = "CREATE TABLE x (id int)";\n');
      const result = await (await createProvider({ db, dir: bad })).up();
      expect(result.error).toMatchObject({ code: 'E_INVALID_OPTION' });
      expect(result.error!.message).toContain('export "up" must be an async function');
      expect(result.results).toEqual([]);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
