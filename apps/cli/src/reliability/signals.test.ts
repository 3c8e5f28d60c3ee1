import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, makeProject, runCli } from '../test-support/cli.js';
import { scalar, startCli, waitFor } from './support.js';

// SIGINT / SIGTERM / SIGHUP sent to a real `gander up`: the running statement
// is cancelled, the migration rolled back, a failed audit row written, the
// same report -timeout gives (and the JSON document with --json), exit
// 128 + the signal number. On a real server and on PGlite.

const FILES = {
  'migrations/00001_ok.sql': '-- +goose Up\nCREATE TABLE ok (id int);\n-- +goose Down\nDROP TABLE ok;\n',
  'migrations/00002_slow.sql': '-- +goose Up\nCREATE TABLE before_sleep (id int);\nSELECT pg_sleep(60);\n-- +goose Down\nSELECT 1;\n',
  'notx/00001_notx.sql': '-- +goose Up\n-- +goose NO TRANSACTION\nCREATE TABLE notx_first (id int);\nSELECT pg_sleep(60);\n-- +goose Down\nSELECT 1;\n',
  'lite/00001_ok.sql': '-- +goose Up\nCREATE TABLE ok (id int);\n',
  'lite/00002_slow.sql': '-- +goose Up\nSELECT pg_sleep(3);\nCREATE TABLE after_sleep (id int);\n',
};

const SLEEPING = "SELECT count(*) AS v FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(60)%'";

describe('stop signals during `gander up`', () => {
  let database: TestDatabase;
  let cwd: string;
  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_signals');
    cwd = await makeProject(FILES);
  });
  afterAll(async () => {
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  async function interrupt(args: string[], signal: NodeJS.Signals) {
    const child = startCli(args, cwd);
    await waitFor('the slow statement', () => scalar(database.url, SLEEPING).then((n) => n === '1'));
    child.kill(signal);
    const result = await child.output;
    await waitFor('the statement to be cancelled', () => scalar(database.url, SLEEPING).then((n) => n === '0'), 5000);
    return result;
  }

  it('SIGINT on a real server: cancelled, rolled back, failed audit row, report, exit 130', async () => {
    const result = await interrupt(['-dir', 'migrations', 'postgres', database.url, 'up'], 'SIGINT');
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted (SIGINT, Ctrl-C)');
    expect(result.stderr).toContain('00002_slow.sql:3');
    expect(result.stderr).toContain('the transaction was rolled back');
    expect(await scalar(database.url, 'SELECT max(version_id) AS v FROM goose_db_version')).toBe('1');
    expect(await scalar(database.url, "SELECT to_regclass('before_sleep') IS NULL AS v")).toBe('true');
    expect(await scalar(database.url, "SELECT count(*) AS v FROM gander_migration_log WHERE version_id = 2 AND outcome = 'failed'")).toBe('1');
  });

  it('SIGTERM with --json: the JSON document, exit 143', async () => {
    const result = await interrupt(['-dir', 'migrations', '--json', 'postgres', database.url, 'up'], 'SIGTERM');
    expect(result.code).toBe(143);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, command: 'up', error: { code: 'E_INTERRUPTED', file: 'migrations/00002_slow.sql' } });
  });

  it('SIGHUP in a NO TRANSACTION file says which statements stay applied, exit 129', async () => {
    const result = await interrupt(['-dir', 'notx', '-table', 'notx_versions', 'postgres', database.url, 'up'], 'SIGHUP');
    expect(result.code).toBe(129);
    expect(result.stderr).toContain('the terminal was closed (SIGHUP)');
    expect(result.stderr).toContain('statement 1 of 2 ran and stays applied');
    expect(await scalar(database.url, "SELECT to_regclass('notx_first') IS NOT NULL AS v")).toBe('true');
  });

  it('SIGINT on PGlite: stopped before the next statement, rolled back, reported; a second signal exits at once', async () => {
    const child = startCli(['-dir', 'lite', 'pglite', '.gander/pglite', 'up'], cwd);
    // Wait for the first OK line on stderr, then signal while the slow one sleeps.
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor('the first migration', async () => /OK {3}00001_ok\.sql/.test(stderr), 120_000);
    child.kill('SIGINT');
    const result = await child.output;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted (SIGINT, Ctrl-C)');
    expect(result.stderr).toContain('00002_slow.sql');
    expect(result.stderr).toContain('rolled back');
    const history = await runCli(['-dir', 'lite', '--json', 'history'], { cwd });
    const rows = (JSON.parse(history.stdout) as { history: { version: string; outcome: string }[] }).history;
    expect(rows.map((r) => [r.version, r.outcome])).toEqual([
      ['2', 'failed'],
      ['1', 'ok'],
    ]);

    // Twice: the second signal does not wait for the cleanup.
    const again = startCli(['-v', '-dir', 'lite', 'pglite', '.gander/pglite', 'up'], cwd);
    let text = '';
    again.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    // Signal while the sleep runs (-v names each statement as it starts): a signal that comes while the
    // database is still opening stops the run before anything runs, with nothing left to wait for.
    await waitFor('the slow statement', async () => text.includes('Executing statement: SELECT pg_sleep(3);'), 120_000);
    again.kill('SIGINT');
    // Two pending signals of one kind are delivered as one: the second comes after the first was handled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    again.kill('SIGINT');
    const twice = await again.output;
    expect(twice.code).toBe(130);
    expect(twice.stderr).toContain('SIGINT again: exiting now');
  }, 300_000);
});
