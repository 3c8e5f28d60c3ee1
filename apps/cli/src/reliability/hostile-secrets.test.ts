import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, makeProject, runCli, type CliRun } from '../test-support/cli.js';
import { scalar, withClient } from './support.js';

// Passwords with the characters that defeated pattern-based masking (`&`, a
// raw `@`, a space), and an ENVSUB-substituted secret, through every output
// path on a real server: text, -v, --json, env, plan, errors, the audit log.

const PASSWORD = 'Hunter&Zebra42@x';
const PARTS = ['Hunter', 'Zebra42'];
const ROLE = 'gander_hostile_role';
const ENV_SECRET = 'S3cret-Envsub-Value';

const FILES = {
  'migrations/00001_ok.sql': '-- +goose Up\nCREATE TABLE ok (id int);\n-- +goose Down\nDROP TABLE ok;\n',
  'migrations/00002_role.sql':
    "-- +goose Up\n-- +goose ENVSUB ON\nCREATE TABLE made (secret text);\nINSERT INTO made VALUES ('${APP_DB_PASSWORD}');\nSELECT '${APP_DB_PASSWORD}'::int;\n-- +goose Down\nDROP TABLE made;\n",
};

function expectClean(outputs: readonly CliRun[]): void {
  for (const { stdout, stderr } of outputs) {
    for (const part of [...PARTS, ENV_SECRET]) {
      expect(stdout).not.toContain(part);
      expect(stderr).not.toContain(part);
    }
  }
}

describe('hostile passwords and ENVSUB secrets never print', () => {
  let database: TestDatabase;
  let cwd: string;
  let forms: Record<string, string>;
  const outputs: CliRun[] = [];
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const result = await runCli(args, { cwd, env: { APP_DB_PASSWORD: ENV_SECRET, ...env } });
    outputs.push(result);
    return result;
  };

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_hostile_secrets');
    await withClient(database.url, async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
      await c.query(`CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
    });
    const url = new URL(database.url);
    const db = url.pathname.slice(1);
    const where = `host=${url.hostname} port=${url.port} user=${ROLE}`;
    forms = {
      keyValue: `${where} password=${PASSWORD} dbname=${db} sslmode=disable`,
      quoted: `${where} password='${PASSWORD}' dbname=${db} sslmode=disable`,
      escaped: `${where} password=${PASSWORD.replace('&', '\\&')} dbname=${db} sslmode=disable`,
      rawAtUrl: `postgres://${ROLE}:${PASSWORD}@${url.hostname}:${url.port}/${db}?sslmode=disable`,
      queryUrl: `postgresql://${url.hostname}:${url.port}/${db}?user=${ROLE}&password=${encodeURIComponent(PASSWORD)}&sslmode=disable`,
    };
    cwd = await makeProject(FILES);
  });
  afterAll(async () => {
    await withClient(process.env.GANDER_TEST_SERVER_URL!, (c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`)).catch(() => undefined);
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('every DSN form connects, and env, --json target and connection errors show none of the password', async () => {
    for (const [name, dsn] of Object.entries(forms)) {
      const status = await run(['-dir', 'migrations', '--json', 'postgres', dsn, 'status']);
      expect(status.code, `${name}: ${status.stderr}`).toBe(0);
      expect((JSON.parse(status.stdout) as { target: string }).target).toContain('****');
      await run(['env'], { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: dsn });
      await run(['-dir', 'migrations', '-v', 'postgres', dsn.replace(PASSWORD, `${PASSWORD}-wrong`), 'status']);
      await run(['-dir', 'migrations', '--json', 'postgres', dsn.replace(PASSWORD, `${PASSWORD}-wrong`), 'status']);
    }
    // The forms that spell the password literally also ran with a wrong one: 3 forms × 2 runs.
    expect(outputs.filter((o) => o.code === 1).length).toBeGreaterThanOrEqual(6);
    expectClean(outputs);
  });

  it('ENVSUB values show as ${NAME} in plan, in the failing statement (text, -v, --json) and in the audit log', async () => {
    const plan = await run(['-dir', 'migrations', 'postgres', forms.keyValue!, 'plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("INSERT INTO made VALUES ('${APP_DB_PASSWORD}');");
    const planJson = await run(['-dir', 'migrations', '--json', 'postgres', forms.keyValue!, 'plan']);
    expect(planJson.stdout).toContain('${APP_DB_PASSWORD}');
    for (const extra of [[], ['-v'], ['--json']]) {
      const up = await run(['-dir', 'migrations', ...extra, 'postgres', forms.keyValue!, 'up']);
      expect(up.code).toBe(1);
      // PostgreSQL echoes the value in its message: invalid input syntax for type integer: "<value>".
      const text = extra[0] === '--json' ? (JSON.parse(up.stdout) as { error: { message: string } }).error.message : up.stderr;
      expect(text).toContain('"${APP_DB_PASSWORD}"');
    }
    const audit = await scalar(database.url, "SELECT coalesce(string_agg(t::text, E'\\n'), '') AS v FROM gander_migration_log t");
    expect(audit).toContain('failed');
    expect(audit).not.toContain(ENV_SECRET);
    expectClean(outputs);
  });
});
