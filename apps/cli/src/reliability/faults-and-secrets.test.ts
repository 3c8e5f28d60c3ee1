import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, logLines, makeProject, runCli, type CliRun } from '../test-support/cli.js';
import { scalar, startCli, waitFor, withClient } from './support.js';

const PASSWORD = 'Pa55-w0rd_that-must-never-show';
const ROLE = 'gander_secret_role';

const FILES = {
  'migrations/00001_ok.sql': '-- +goose Up\nCREATE TABLE ok (id int);\n-- +goose Down\nDROP TABLE ok;\n',
  'migrations/00002_slow.sql': "-- +goose Up\nSELECT pg_sleep(60);\n-- +goose Down\nSELECT 1;\n",
};

describe('server faults and secrets, through the CLI', () => {
  let database: TestDatabase;
  let cwd: string;
  let forms: Record<string, string>;
  const outputs: CliRun[] = [];
  const run = async (args: string[]) => {
    const result = await runCli(args, { cwd });
    outputs.push(result);
    return result;
  };

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_secrets');
    await withClient(database.url, async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
      await c.query(`CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
    });
    const url = new URL(database.url);
    const db = url.pathname.slice(1);
    forms = {
      url: `postgres://${ROLE}:${PASSWORD}@${url.hostname}:${url.port}/${db}?sslmode=disable`,
      query: `postgresql://${url.hostname}:${url.port}/${db}?user=${ROLE}&password=${PASSWORD}&sslmode=disable`,
      keyValue: `host=${url.hostname} port=${url.port} user=${ROLE} password=${PASSWORD} dbname=${db} sslmode=disable`,
      quoted: `host=${url.hostname} port=${url.port} user=${ROLE} password='${PASSWORD}' dbname=${db} sslmode=disable`,
    };
    cwd = await makeProject(FILES);
  });
  afterAll(async () => {
    await withClient(process.env.GANDER_TEST_SERVER_URL!, (c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`)).catch(() => undefined);
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('connection refused: one clear line, exit 1, no password', async () => {
    const refused = forms.url!.replace(/:\d+\//, ':1/');
    const result = await run(['-dir', 'migrations', 'postgres', refused, 'up']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ECONNREFUSED|cannot connect/);
    expect(result.stderr).not.toContain('    at ');
  });

  it('a server that drops the session mid-run: exit 1, the unfinished migration not recorded', async () => {
    const child = startCli(['-dir', 'migrations', 'postgres', forms.keyValue!, 'up'], cwd);
    await waitFor('the slow migration', () =>
      scalar(database.url, "SELECT count(*) AS v FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(60)%'").then((n) => n === '1'),
    );
    await scalar(database.url, "SELECT count(pg_terminate_backend(pid)) AS v FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(60)%'");
    const result = await child.output;
    outputs.push({ ...result, ms: 0 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('00002_slow.sql');
    expect(result.stderr).toMatch(/terminat/);
    expect(await scalar(database.url, 'SELECT max(version_id) AS v FROM goose_db_version')).toBe('1');
  });

  it('statement_timeout from the connection: exit 1, SQLSTATE named, nothing recorded', async () => {
    const withTimeout = `${forms.url}&options=${encodeURIComponent('-c statement_timeout=200')}`;
    const result = await run(['-v', '-dir', 'migrations', 'postgres', withTimeout, 'up']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('57014');
    expect(await scalar(database.url, 'SELECT max(version_id) AS v FROM goose_db_version')).toBe('1');
  });

  it('a -table that tries SQL injection is refused and changes nothing', async () => {
    const result = await run(['-dir', 'migrations', '-table', 'x; DROP TABLE ok; --', 'postgres', forms.url!, 'status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid table name');
    expect(await scalar(database.url, "SELECT to_regclass('ok') IS NOT NULL AS v")).toBe('true');
  });

  it('never prints the password, in any DSN form, on any command, in text or JSON, nor stores it', async () => {
    // Every command in text, -v and JSON on one form; the paths that print the
    // target (status, env, plan, history) on every form.
    const commands = [['status'], ['version'], ['env'], ['plan'], ['history'], ['up-to', '1'], ['validate'], ['down-to', '9']];
    for (const command of commands) {
      for (const extra of [[], ['-v'], ['--json']]) await run(['-dir', 'migrations', ...extra, 'postgres', forms.url!, ...command]);
    }
    for (const dsn of Object.values(forms)) {
      await run(['-dir', 'migrations', '-v', 'postgres', dsn, 'status']);
      await run(['-dir', 'migrations', 'postgres', dsn, 'env']);
      await run(['-dir', 'migrations', '--json', 'postgres', dsn, 'plan']);
      await run(['-dir', 'migrations', '--json', 'postgres', dsn, 'history']);
      // An error path too: a wrong password is rejected by the server.
      await run(['-dir', 'migrations', '-v', 'postgres', dsn.replace(PASSWORD, `${PASSWORD}x`), 'status']);
    }
    await run(['env']);
    expect(outputs.length).toBeGreaterThan(45);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(PASSWORD);
      expect(stderr).not.toContain(PASSWORD);
    }
    // The JSON documents parse and mask the target.
    const json = outputs.filter((o) => o.stdout.startsWith('{'));
    expect(json.length).toBeGreaterThan(15);
    for (const o of json) expect(() => JSON.parse(o.stdout) as unknown).not.toThrow();
    const audit = await scalar(database.url, 'SELECT coalesce(string_agg(t::text, \'\n\'), \'\') AS v FROM gander_migration_log t');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit).not.toContain(PASSWORD);
    expect(logLines(outputs.at(-1)!.stderr).join('\n')).not.toContain(PASSWORD);
  });
});
