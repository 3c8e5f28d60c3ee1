import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt } from '../test-support/cli.js';
import { findGoose } from './goose-binary.js';
import { normaliseOutput, withoutGanderErrorDetail } from './normalise.js';
import { spawnTool } from '../test-support/cli.js';
import { ganderProgram, versionRows } from './twin.js';

// goose v3.26 and gander take turns on ONE database: what one applies the
// other sees, rolls back and reports identically, whichever created the table.

const goose = findGoose();
const serverUrl = process.env.GANDER_TEST_SERVER_URL;
if ('skip' in goose) console.log(`goose interop suite skipped: ${goose.skip}`);

const pad = (n: number) => String(n).padStart(3, '0');

async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gander-interop-'));
  await mkdir(join(root, 'migrations'));
  for (let v = 1; v <= 12; v++) {
    await writeFile(
      join(root, 'migrations', `${pad(v)}_step_${v}.sql`),
      `-- +goose Up\nCREATE TABLE step_${v} (id int);\n\n-- +goose Down\nDROP TABLE step_${v};\n`,
    );
  }
  return root;
}

describe.skipIf('skip' in goose)('goose and gander on one database', () => {
  let database: TestDatabase;
  let cwd: string;
  const tools = { goose: ['path' in goose ? goose.path : 'goose'], gander: ganderProgram() };
  type Tool = keyof typeof tools;

  beforeAll(async () => {
    assertBuilt();
    if (!serverUrl) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');
    database = await createTestDatabase(serverUrl, 'parity_interop');
    cwd = await project();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const dsn = () => {
    const u = new URL(database.url);
    u.searchParams.set('sslmode', 'disable');
    return u.toString();
  };

  async function run(tool: Tool, ...args: string[]) {
    const ran = await spawnTool(tools[tool], ['-dir', 'migrations', 'postgres', dsn(), ...args], cwd, {});
    const n = { replace: [[cwd, '<project>'] as const, [database.name, '<db>'] as const] };
    const stderr = normaliseOutput(ran.stderr, n);
    return { code: ran.code, stdout: normaliseOutput(ran.stdout, n), stderr: tool === 'gander' ? withoutGanderErrorDetail(stderr) : stderr };
  }

  /** Both tools' status and version, which must agree. */
  async function agree(expectedVersion: number) {
    const [gooseStatus, ganderStatus] = [await run('goose', 'status'), await run('gander', 'status')];
    expect(ganderStatus).toEqual(gooseStatus);
    const [gooseVersion, ganderVersion] = [await run('goose', 'version'), await run('gander', 'version')];
    expect(ganderVersion).toEqual(gooseVersion);
    expect(gooseVersion.stderr).toEqual([`goose: version ${expectedVersion}`]);
  }

  async function reset() {
    await spawnTool(tools.gander, ['-dir', 'migrations', 'postgres', dsn(), 'reset'], cwd, {});
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('DROP TABLE IF EXISTS goose_db_version, gander_migration_log');
    await client.end();
  }

  for (const [first, second] of [
    ['goose', 'gander'],
    ['gander', 'goose'],
  ] as const) {
    it(`${first} applies 001–011 (creating the table), ${second} applies 012, ${first} rolls it back`, async () => {
      await reset();
      expect((await run(first, 'up-to', '11')).code).toBe(0);
      await agree(11);
      const applied = await run(second, 'up');
      expect(applied.code).toBe(0);
      expect(applied.stderr).toEqual(['OK   012_step_12.sql (DURATION)', 'goose: successfully migrated database to version: 12']);
      await agree(12);
      const rolledBack = await run(first, 'down');
      expect(rolledBack.code).toBe(0);
      expect(rolledBack.stderr).toEqual(['OK   012_step_12.sql (DURATION)']);
      await agree(11);
      expect(await versionRows(database.url, 'goose_db_version')).toEqual(['0 true', ...Array.from({ length: 11 }, (_, i) => `${i + 1} true`)]);
      const redone = await run(second, 'redo');
      expect(redone.stderr).toEqual(['OK   011_step_11.sql (DURATION)', 'OK   011_step_11.sql (DURATION)']);
      await agree(11);
    }, 300_000);
  }

  it("goose's status and validate are undisturbed by gander's audit table", async () => {
    await reset();
    expect((await run('gander', 'up')).code).toBe(0);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const audit = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM gander_migration_log');
    await client.end();
    expect(Number(audit.rows[0]!.n)).toBeGreaterThan(0);
    const status = await run('goose', 'status');
    expect(status.code).toBe(0);
    expect(status.stderr.filter((l) => l.includes('Pending'))).toEqual([]);
    expect(status.stderr).toHaveLength(2 + 12);
    const validate = await spawnTool(tools.goose, ['-dir', 'migrations', 'validate'], cwd, {});
    expect([validate.code, validate.stderr]).toEqual([0, '']);
    expect((await run('goose', 'reset')).code).toBe(0);
    await agree(0);
  }, 300_000);
});
