import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, logLines, makeProject } from '../test-support/cli.js';
import { scalar, smallMigrations, startCli } from './support.js';

const PROCESSES = 20;
const MIGRATIONS = 50;

// goose's CLI takes no lock: twenty replicas running `goose up` at once race
// on the version table. gander's CLI takes the advisory lock by default.
describe(`${PROCESSES} concurrent gander processes on one database`, () => {
  let database: TestDatabase;
  let cwd: string;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_race');
    cwd = await makeProject(smallMigrations(MIGRATIONS));
  });
  afterAll(async () => {
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  const runAll = (command: string[]) =>
    Promise.all(
      Array.from({ length: PROCESSES }, () => startCli(['-dir', 'migrations', 'postgres', database.url, ...command], cwd).output),
    );

  it('up: every migration applied once, every process exits 0 and says what it did', async () => {
    const runs = await runAll(['up']);
    expect(runs.map((r) => r.code)).toEqual(Array(PROCESSES).fill(0));
    const lines = runs.map((r) => logLines(r.stderr));
    const migrated = lines.filter((l) => l.includes(`goose: successfully migrated database to version: ${MIGRATIONS}`));
    const idle = lines.filter((l) => l.includes(`goose: no migrations to run. current version: ${MIGRATIONS}`));
    expect(migrated.length + idle.length).toBe(PROCESSES);
    // However the lock was handed around, together they applied each file exactly once.
    const okLines = lines.flat().filter((l) => l.startsWith('OK   '));
    expect(okLines).toHaveLength(MIGRATIONS);
    expect(new Set(okLines.map((l) => l.split(' ')[3])).size).toBe(MIGRATIONS);
    expect(await scalar(database.url, 'SELECT count(*) AS v FROM goose_db_version')).toBe(String(MIGRATIONS + 1));
    expect(await scalar(database.url, 'SELECT count(DISTINCT version_id) AS v FROM goose_db_version')).toBe(String(MIGRATIONS + 1));
    expect(await scalar(database.url, "SELECT count(*) AS v FROM gander_migration_log WHERE direction = 'up'")).toBe(String(MIGRATIONS));
  });

  it('down-to: every migration rolled back once, every process exits 0', async () => {
    const target = MIGRATIONS / 2;
    const runs = await runAll(['down-to', String(target)]);
    expect(runs.map((r) => r.code)).toEqual(Array(PROCESSES).fill(0));
    for (const r of runs) expect(logLines(r.stderr).at(-1)).toBe(`goose: no migrations to run. current version: ${target}`);
    const okLines = runs.flatMap((r) => logLines(r.stderr)).filter((l) => l.startsWith('OK   '));
    expect(okLines).toHaveLength(MIGRATIONS - target);
    expect(await scalar(database.url, 'SELECT max(version_id) AS v FROM goose_db_version')).toBe(String(target));
    expect(await scalar(database.url, 'SELECT count(*) AS v FROM goose_db_version')).toBe(String(target + 1));
    expect(
      await scalar(
        database.url,
        "SELECT count(*) AS v FROM (SELECT version_id FROM gander_migration_log WHERE direction = 'down' GROUP BY version_id HAVING count(*) > 1) twice",
      ),
    ).toBe('0');
  });
});
