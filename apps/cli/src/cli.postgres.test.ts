import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { allOutput, assertBuilt, BAD_MIGRATION, logLines, makeProject, MIGRATIONS, runCli } from './test-support/cli.js';

// The built CLI against the workspace's PostgreSQL server, one database for
// this file, reset between tests. A role with a distinctive password connects,
// so that no output may ever contain it.

const serverUrl = process.env.GANDER_TEST_SERVER_URL;
if (!serverUrl) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');

let database: TestDatabase;
let admin: pg.Client;
const role = `gander_cli_${randomBytes(4).toString('hex')}`;
const password = `Pw-${randomBytes(9).toString('hex')}`;
let host: string;
let port: string;
let kvDsn: string;
let urlDsn: string;
let project: string;

beforeAll(async () => {
  assertBuilt();
  database = await createTestDatabase(serverUrl, 'gander_cli');
  const server = new URL(serverUrl);
  host = server.hostname;
  port = server.port;
  const setup = new pg.Client({ connectionString: serverUrl });
  await setup.connect();
  await setup.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
  await setup.end();
  // DD-012's exact key=value line, pointed at the test server.
  kvDsn = `host=${host} port=${port} user=${role} password=${password} dbname=${database.name} sslmode=disable`;
  urlDsn = `postgres://${role}:${password}@${host}:${port}/${database.name}?sslmode=disable`;
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  project = await makeProject(MIGRATIONS);
});

afterAll(async () => {
  await admin?.end();
  await database?.drop();
  const setup = new pg.Client({ connectionString: serverUrl });
  await setup.connect();
  await setup.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  await setup.end();
});

beforeEach(async () => {
  await admin.query('DROP SCHEMA IF EXISTS ops CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
});

const gander = (args: string[], env: Record<string, string> = {}, cwd = project) => runCli(args, { cwd, env });
const versions = async (table = 'goose_db_version') =>
  (await admin.query<{ version_id: string }>(`SELECT version_id::text FROM ${table} WHERE is_applied ORDER BY id`)).rows.map((r) => r.version_id);

describe('migrating with DD-012’s command lines', () => {
  it('up, idempotent up, status, version with the key=value DBSTRING', async () => {
    const up = await gander(['-dir', 'migrations', 'postgres', kvDsn, 'up']);
    expect(up.code).toBe(0);
    expect(up.stdout).toBe('');
    const lines = logLines(up.stderr);
    expect(lines).toEqual([
      expect.stringMatching(/^OK {3}00001_users\.sql \(\d+(\.\d+)?(µs|ms|s)\)$/),
      expect.stringMatching(/^OK {3}00002_user_count\.sql \(/),
      expect.stringMatching(/^OK {3}00003_index\.sql \(/),
      'goose: successfully migrated database to version: 3',
    ]);
    expect(up.stderr).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} OK {3}00001_users\.sql/);
    expect(await versions()).toEqual(['0', '1', '2', '3']);

    const again = await gander(['-dir', 'migrations', 'postgres', kvDsn, 'up']);
    expect(logLines(again.stderr)).toEqual(['goose: no migrations to run. current version: 3']);

    const status = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'status']);
    expect(status.code).toBe(0);
    const rows = logLines(status.stderr);
    expect(rows.slice(0, 2)).toEqual(['    Applied At                  Migration', '    =======================================']);
    expect(rows.slice(2)).toEqual([
      expect.stringMatching(/^ {4}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4} -- 00001_users\.sql$/),
      expect.stringMatching(/ -- 00002_user_count\.sql$/),
      expect.stringMatching(/ -- 00003_index\.sql$/),
    ]);

    const version = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'version']);
    expect(logLines(version.stderr)).toEqual(['goose: version 3']);
  });

  it('down, down-to, up-to, redo, reset, up-by-one', async () => {
    const dsn = ['postgres', urlDsn];
    expect((await gander(['-dir', 'migrations', ...dsn, 'up-to', '2'])).stderr).toContain('goose: successfully migrated database to version: 2');
    expect(await versions()).toEqual(['0', '1', '2']);

    const down = await gander(['-dir', 'migrations', ...dsn, 'down']);
    expect(logLines(down.stderr)).toEqual([expect.stringMatching(/^OK {3}00002_user_count\.sql/)]);

    const upOne = await gander(['-dir', 'migrations', ...dsn, 'up-by-one']);
    expect(logLines(upOne.stderr)).toEqual([expect.stringMatching(/^OK {3}00002_user_count\.sql/)]);

    const redo = await gander(['-dir', 'migrations', ...dsn, 'redo']);
    expect(logLines(redo.stderr)).toEqual([expect.stringMatching(/^OK {3}00002_user_count\.sql/), expect.stringMatching(/^OK {3}00002_user_count\.sql/)]);

    await gander(['-dir', 'migrations', ...dsn, 'up']);
    const downTo = await gander(['-dir', 'migrations', ...dsn, 'down-to', '1']);
    expect(logLines(downTo.stderr)).toEqual([
      expect.stringMatching(/^OK {3}00003_index\.sql/),
      expect.stringMatching(/^OK {3}00002_user_count\.sql/),
      'goose: no migrations to run. current version: 1',
    ]);

    const reset = await gander(['-dir', 'migrations', ...dsn, 'reset']);
    expect(logLines(reset.stderr)).toEqual([expect.stringMatching(/^OK {3}00001_users\.sql/)]);
    expect(await versions()).toEqual(['0']);

    const downAtZero = await gander(['-dir', 'migrations', ...dsn, 'down']);
    expect(downAtZero.code).toBe(1);
    expect(logLines(downAtZero.stderr)[0]).toBe('goose run: migration 0: no current version found');

    await gander(['-dir', 'migrations', ...dsn, 'up']);
    const noNext = await gander(['-dir', 'migrations', ...dsn, 'up-by-one']);
    expect(noNext.code).toBe(1);
    expect(logLines(noNext.stderr).slice(0, 2)).toEqual(['goose: no migrations to run. current version: 3', 'goose run: no next version found']);
  });

  it('reads flags after the positionals and -dir from GOOSE_MIGRATION_DIR', async () => {
    const late = await gander(['postgres', kvDsn, 'up-to', '1', '-dir', 'migrations', '-v', '-no-color']);
    expect(late.code).toBe(0);
    const lines = logLines(late.stderr);
    expect(lines).toContain('Begin transaction');
    expect(lines).toContain("Executing statement: INSERT INTO users VALUES (1, 'root');");
    expect(lines).toContain('Commit transaction');
    expect(late.stderr).not.toContain('\x1b[');
    const fromEnv = await gander(['postgres', kvDsn, 'version'], { GOOSE_MIGRATION_DIR: 'migrations' });
    expect(logLines(fromEnv.stderr)).toEqual(['goose: version 1']);
  });
});

describe('environment and .env', () => {
  it('takes DRIVER and DBSTRING from GOOSE_DRIVER/GOOSE_DBSTRING, and -table over GOOSE_TABLE', async () => {
    const env = { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: urlDsn, GOOSE_MIGRATION_DIR: 'migrations', GOOSE_TABLE: 'env_versions' };
    const up = await gander(['up-to', '1'], env);
    expect(up.code).toBe(0);
    expect(await versions('env_versions')).toEqual(['0', '1']);
    const flagged = await gander(['-table', 'ops.versions', 'up-to', '1'], env);
    expect(flagged.code).toBe(1);
    expect(logLines(flagged.stderr)[0]).toBe('goose run: schema "ops" does not exist (SQLSTATE 3F000)');
    // Another version table knows nothing of the first: migration 1 runs again.
    await admin.query('CREATE SCHEMA ops; DROP TABLE users');
    expect((await gander(['-table', 'ops.versions', 'up-to', '1'], env)).code).toBe(0);
    expect(await versions('ops.versions')).toEqual(['0', '1']);
  });

  it('loads .env without overriding the environment; -env none and -env PATH', async () => {
    const cwd = await makeProject({ ...MIGRATIONS, '.env': `GOOSE_DRIVER=postgres\nGOOSE_DBSTRING="${kvDsn}"\nGOOSE_MIGRATION_DIR=migrations\n`, 'prod.env': `GOOSE_DRIVER=postgres\nGOOSE_DBSTRING='${urlDsn}'\n` });
    const viaDotenv = await gander(['up-to', '2'], {}, cwd);
    expect(viaDotenv.code).toBe(0);
    expect(await versions()).toEqual(['0', '1', '2']);

    // A set variable wins over the file: this DBSTRING points at a closed port.
    const overridden = await gander(['version'], { GOOSE_DBSTRING: `host=${host} port=1 user=x dbname=y sslmode=disable connect_timeout=2` }, cwd);
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toContain('cannot connect');

    // -env none: the .env file is not read, so DRIVER and DBSTRING come from the command line.
    const none = await gander(['-env', 'none', '-dir', 'migrations', 'postgres', urlDsn, 'version'], {}, cwd);
    expect(logLines(none.stderr)).toEqual(['goose: version 2']);

    const named = await gander(['-env', 'prod.env', '-dir', 'migrations', 'version'], {}, cwd);
    expect(logLines(named.stderr)).toEqual(['goose: version 2']);

    const missing = await gander(['-env', 'nope.env', 'version'], {}, cwd);
    expect(missing.code).toBe(1);
    expect(logLines(missing.stderr)[0]).toBe('failed to load env file: open nope.env: no such file or directory');
  });

  it('prints the resolved settings with the password masked (env)', async () => {
    const result = await gander(['-dir', 'migrations', 'env'], { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: kvDsn, GOOSE_TABLE: 'v' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('GOOSE_DRIVER="postgres"\n');
    expect(result.stdout).toContain(`GOOSE_DBSTRING="host=${host} port=${port} user=${role} password=**** dbname=${database.name} sslmode=disable"\n`);
    expect(result.stdout).toContain('GOOSE_MIGRATION_DIR="."\nGOOSE_TABLE="v"\nNO_COLOR="false"\n');
    expect(result.stdout).toContain('GANDER_DRIVER="postgres"\n');
    expect(result.stdout).toContain('GANDER_MIGRATION_DIR="migrations"\n');
  });
});

describe('plan, history and --json', () => {
  it('plans without changing anything', async () => {
    const plan = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('-- gander plan: up (current version 0)\n');
    expect(plan.stdout).toContain('-- 00001_users.sql (up)\nCREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n');
    expect(plan.stdout).toContain('-- 00003_index.sql (up, NO TRANSACTION)\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n');
    const tables = await admin.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.rowCount).toBe(0);

    await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up']);
    const down = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'plan', 'down-to', '1']);
    expect(down.stdout.indexOf('-- 00003_index.sql (down, NO TRANSACTION)')).toBeLessThan(down.stdout.indexOf('-- 00002_user_count.sql (down)'));
    expect(await versions()).toEqual(['0', '1', '2', '3']);
    const bad = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'plan', 'sideways']);
    expect(bad.code).toBe(1);
  });

  it('keeps an audit log that history prints', async () => {
    await gander(['-dir', 'migrations', '--env-label', 'staging', 'postgres', urlDsn, 'up-to', '2']);
    await gander(['-dir', 'migrations', 'postgres', urlDsn, 'down']);
    const history = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'history', '5']);
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^WHEN +VERSION +DIRECTION +FILE +OUTCOME +DURATION +DB USER +OS USER@HOST +ENV$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`2 +down +00002_user_count\\.sql +ok +\\S+ +${role} +\\S+@\\S+ +-$`));
    expect(lines[3]).toMatch(/1 +up +00001_users\.sql +ok .* staging$/);
  });

  it('prints one JSON document for every command', async () => {
    const up = await gander(['-dir', 'migrations', '--json', 'postgres', urlDsn, 'up-to', '2']);
    expect(up.code).toBe(0);
    expect(up.stderr).toBe('');
    const doc = JSON.parse(up.stdout) as Record<string, unknown>;
    expect(doc).toEqual({
      ok: true,
      command: 'up-to',
      driver: 'postgres',
      target: `postgres://${role}:****@${host}:${port}/${database.name}?sslmode=disable`,
      results: [
        { version: '1', file: '00001_users.sql', direction: 'up', durationMs: expect.any(Number) as number, empty: false, ok: true },
        { version: '2', file: '00002_user_count.sql', direction: 'up', durationMs: expect.any(Number) as number, empty: false, ok: true },
      ],
      currentVersion: '2',
      error: null,
    });

    const status = JSON.parse((await gander(['-dir', 'migrations', '-json', 'postgres', urlDsn, 'status'])).stdout) as {
      migrations: { version: string; state: string; appliedAt: string | null }[];
      currentVersion: string;
    };
    expect(status.currentVersion).toBe('2');
    expect(status.migrations.map((m) => [m.version, m.state])).toEqual([
      ['1', 'applied'],
      ['2', 'applied'],
      ['3', 'pending'],
    ]);

    const version = JSON.parse((await gander(['-dir', 'migrations', '-json', 'postgres', urlDsn, 'version'])).stdout) as { currentVersion: string };
    expect(version.currentVersion).toBe('2');

    const plan = JSON.parse((await gander(['-dir', 'migrations', '-json', 'postgres', urlDsn, 'plan'])).stdout) as { steps: { file: string; useTx: boolean }[] };
    expect(plan.steps).toEqual([expect.objectContaining({ file: '00003_index.sql', useTx: false })]);

    const history = JSON.parse((await gander(['-dir', 'migrations', '-json', 'postgres', urlDsn, 'history'])).stdout) as { history: unknown[] };
    expect(history.history).toHaveLength(2);

    const unknown = await gander(['-json', 'postgres', urlDsn, 'frobnicate']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, command: 'frobnicate', error: { code: 'E_UNKNOWN_COMMAND' } });
  });
});

describe('errors', () => {
  it('points at file:line of a failing statement and rolls its transaction back', async () => {
    const cwd = await makeProject({ ...MIGRATIONS, 'migrations/00004_bad.sql': BAD_MIGRATION });
    const up = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(up.code).toBe(1);
    const lines = logLines(up.stderr);
    expect(lines.slice(0, 3).every((l) => l.startsWith('OK   '))).toBe(true);
    expect(lines[3]).toMatch(/^goose run: 00004_bad\.sql:5: up statement 2 of 2 failed: relation "no_such_table" does not exist \(SQLSTATE 42P01\)/);
    expect(lines).toContain('    at: migrations/00004_bad.sql:5');
    expect(lines).toContain('    >    5 |   FROM no_such_table;');
    expect(await versions()).toEqual(['0', '1', '2', '3']);

    const json = await gander(['-dir', 'migrations', '--json', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      results: [{ version: '4', ok: false }],
      currentVersion: '3',
      error: { code: 'E_STATEMENT_FAILED', file: 'migrations/00004_bad.sql', line: 5, sqlState: '42P01', statement: 'SELECT *\n  FROM no_such_table;' },
    });

    const verbose = await gander(['-dir', 'migrations', '-v', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(verbose.stderr).toContain('    sqlstate: 42P01');
    expect(verbose.stderr).toContain('Rollback transaction');
    expect(verbose.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  });

  it.each([
    ['an unknown command', ['postgres', 'DSN', 'frobnicate'], /^goose run: "frobnicate": no such command$/],
    ['a bad DSN', ['postgres', 'host=x what', 'status'], /^goose run: -dbstring: missing "=" after the keyword at position 8/],
    ['a bad sslmode', ['postgres', 'host=x sslmode=maybe', 'status'], /^goose run: -dbstring: invalid sslmode value: "maybe"/],
    ['another database', ['mysql', 'user:pw@/db', 'status'], /^goose run: "mysql": gander supports PostgreSQL only$/],
    ['an unknown driver', ['oracle', 'x', 'status'], /^goose run: "oracle": unknown dialect$/],
    ['a missing up-to version', ['postgres', 'DSN', 'up-to'], /^goose run: up-to must be of form/],
    ['a bad version', ['postgres', 'DSN', 'down-to', 'twelve'], /^goose run: version must be a number \(got 'twelve'\)$/],
    ['a missing dir', ['-dir', 'nowhere', 'postgres', 'DSN', 'status'], /^goose run: failed to collect migrations: nowhere directory does not exist$/],
    // gander connects while it reads the files; the files are still reported first, as goose collects before connecting.
    [
      'a missing dir before an unreachable server',
      ['-dir', 'nowhere', 'postgres', 'postgres://nobody:secret@127.0.0.1:1/db', 'status'],
      /^goose run: failed to collect migrations: nowhere directory does not exist$/,
    ],
  ])('reports %s with exit 1', async (_name, args, first) => {
    const result = await gander(args.map((a) => (a === 'DSN' ? urlDsn : a)));
    expect(result.code).toBe(1);
    expect(logLines(result.stderr)[0]).toMatch(first);
    expect(logLines(result.stderr)[1]).toMatch(/^ {4}hint: /);
  });

  it('reports an unreachable server', async () => {
    const result = await gander(['-dir', 'migrations', 'postgres', `postgres://${role}:${password}@127.0.0.1:1/db`, 'status']);
    expect(result.code).toBe(1);
    expect(logLines(result.stderr)[0]).toMatch(/^goose run: cannot connect to postgres:\/\/.*127\.0\.0\.1:1\/db: .*ECONNREFUSED/);
  });

  it('reports a bad file name and a file without -- +goose Up', async () => {
    const badName = await makeProject({ 'migrations/001-init.sql': '-- +goose Up\nSELECT 1;\n' });
    const name = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, badName);
    expect(name.code).toBe(1);
    expect(logLines(name.stderr)[0]).toMatch(/^goose run: could not parse SQL migration file "migrations\/001-init\.sql": /);
    const noUp = await makeProject({ 'migrations/001_init.sql': 'SELECT 1;\n' });
    const parse = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, noUp);
    expect(parse.code).toBe(1);
    expect(logLines(parse.stderr)[0]).toMatch(/^goose run: migrations\/001_init\.sql:1: /);
    expect(parse.stderr).toContain('+goose Up');
  });

  it('stops a statement that runs past -timeout and records nothing', async () => {
    const cwd = await makeProject({ 'migrations/00001_slow.sql': '-- +goose Up\nCREATE TABLE t (x int);\nSELECT pg_sleep(30);\n-- +goose Down\nDROP TABLE t;\n' });
    const result = await gander(['-dir', 'migrations', '-timeout', '1s', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(10_000);
    expect(logLines(result.stderr)[0]).toMatch(/^goose run: context deadline exceeded: the command ran longer than -timeout 1s and was stopped: .*canceling statement due to user request/);
    expect(await versions()).toEqual(['0']);
    expect((await admin.query(`SELECT 1 FROM pg_tables WHERE tablename = 't'`)).rowCount).toBe(0);
  });
});

describe('goose compatibility extras', () => {
  it('-no-versioning never touches the version table', async () => {
    const up = await gander(['-dir', 'migrations', '-no-versioning', 'postgres', urlDsn, 'up']);
    expect(up.code).toBe(0);
    expect(logLines(up.stderr).at(-1)).toBe('goose: up to current file version: 3');
    expect((await admin.query(`SELECT 1 FROM pg_tables WHERE tablename = 'goose_db_version'`)).rowCount).toBe(0);
    const status = await gander(['-dir', 'migrations', '-no-versioning', 'postgres', urlDsn, 'status']);
    expect(logLines(status.stderr)[2]).toBe('    no versioning            -- 00001_users.sql');
    const version = await gander(['-dir', 'migrations', '-no-versioning', 'postgres', urlDsn, 'version']);
    expect(logLines(version.stderr)).toEqual(['goose: file version 3']);
    const down = await gander(['-dir', 'migrations', '-no-versioning', 'postgres', urlDsn, 'down']);
    expect(logLines(down.stderr)).toEqual([expect.stringMatching(/^OK {3}00003_index\.sql/), 'goose: down to current file version: 2']);
  });

  it('-allow-missing applies an out-of-order file', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': MIGRATIONS['migrations/00001_users.sql']!, 'migrations/00003_c.sql': '-- +goose Up\nSELECT 3;\n' });
    await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, cwd);
    await writeFile(join(cwd, 'migrations/00002_b.sql'), '-- +goose Up\nSELECT 2;\n');
    const refused = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(refused.code).toBe(1);
    expect(logLines(refused.stderr)[0]).toMatch(/^goose run: error: found 1 missing migrations before current version 3:/);
    const allowed = await gander(['-dir', 'migrations', '-allow-missing', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(logLines(allowed.stderr)).toEqual([expect.stringMatching(/^OK {3}00002_b\.sql/), 'goose: successfully migrated database to version: 2']);
  });

  it('waits for the advisory lock up to --lock-timeout, naming the holder; --no-lock opts out', async () => {
    const holder = new pg.Client({ connectionString: database.url, application_name: 'other-migrator' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(4097083626)');
      const blocked = await gander(['-dir', 'migrations', '--lock-timeout', '1s', 'postgres', urlDsn, 'up']);
      expect(blocked.code).toBe(1);
      const lines = logLines(blocked.stderr);
      expect(lines[0]).toMatch(/^goose: waiting for the migration lock, held by pid \d+ \(application_name="other-migrator"/);
      expect(lines[1]).toMatch(/^goose run: could not take the migration lock \(advisory lock 4097083626\) within 1000 ms: held by pid/);
      expect(await versions('goose_db_version').catch(() => [])).toEqual([]);
      const unlocked = await gander(['-dir', 'migrations', '--no-lock', 'postgres', urlDsn, 'up-to', '1']);
      expect(unlocked.code).toBe(0);
    } finally {
      await holder.end();
    }
  });

  it('-log-prefix gander and GANDER_LOG_PREFIX', async () => {
    const flag = await gander(['-dir', 'migrations', '-log-prefix', 'gander', 'postgres', urlDsn, 'version']);
    expect(logLines(flag.stderr)).toEqual(['gander: version 0']);
    const env = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'frobnicate'], { GANDER_LOG_PREFIX: 'gander' });
    expect(logLines(env.stderr)[0]).toBe('gander run: "frobnicate": no such command');
  });

  it('connects with sslmode left to its default (prefer falls back to plain)', async () => {
    const result = await gander(['-dir', 'migrations', 'postgres', `host=${host} port=${port} user=${role} password=${password} dbname=${database.name}`, 'version']);
    expect(logLines(result.stderr)).toEqual(['goose: version 0']);
  });

  it('refuses to run up over a changed applied file unless --allow-drift', async () => {
    const cwd = await makeProject(MIGRATIONS);
    await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up-to', '1'], {}, cwd);
    await writeFile(join(cwd, 'migrations/00001_users.sql'), `${MIGRATIONS['migrations/00001_users.sql']}-- edited\n`);
    const status = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'status'], {}, cwd);
    expect(status.stderr).toContain('goose: warning: 00001_users.sql changed after it was applied');
    const refused = await gander(['-dir', 'migrations', 'postgres', urlDsn, 'up'], {}, cwd);
    expect(refused.code).toBe(1);
    expect(JSON.parse((await gander(['-dir', 'migrations', '--json', 'postgres', urlDsn, 'up'], {}, cwd)).stdout)).toMatchObject({ error: { code: 'E_DRIFT' } });
    expect((await gander(['-dir', 'migrations', '--allow-drift', 'postgres', urlDsn, 'up'], {}, cwd)).code).toBe(0);
    expect(await readdir(join(cwd, 'migrations'))).toHaveLength(3);
  });
});

describe('code migrations', () => {
  it('runs a .js migration, and says how to run a .ts one when Node cannot load it', async () => {
    const dir = await makeProject({
      ...MIGRATIONS,
      'migrations/00004_seed.js': "export async function up(db) { await db.query('INSERT INTO users VALUES ($1, $2)', [2, 'js']); }\nexport async function down(db) { await db.exec('DELETE FROM users WHERE id = 2'); }\n",
    });
    const up = await gander(['-dir', 'migrations', 'postgres', kvDsn, 'up'], {}, dir);
    expect(up.code).toBe(0);
    expect(logLines(up.stderr)).toContain('goose: successfully migrated database to version: 4');
    expect((await admin.query<{ name: string }>('SELECT name FROM users WHERE id = 2')).rows).toEqual([{ name: 'js' }]);

    await writeFile(join(dir, 'migrations/00005_typed.ts'), 'export async function up(db: unknown): Promise<void> {}\n');
    const ts = await gander(['-dir', 'migrations', 'postgres', kvDsn, 'up'], {}, dir);
    expect(ts.code).toBe(1);
    expect(ts.stderr).toContain('00005_typed.ts: cannot load the code migration');
    expect(ts.stderr).toContain('tsx');
    expect(await versions()).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('tui', () => {
  it('refuses without a terminal and points to the CLI commands', async () => {
    const result = await gander(['-dir', 'migrations', 'postgres', kvDsn, 'tui']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gander tui needs an interactive terminal');
    expect(result.stderr).toContain('gander status');
  });

  it('is listed in the help', async () => {
    const result = await gander(['-h']);
    expect(result.stdout).toMatch(/^ {4}tui {18}Open the interactive terminal UI/m);
  });
});

describe('secrets', () => {
  it('never prints the password, in any output of this file', () => {
    expect(allOutput.length).toBeGreaterThan(40);
    for (const text of allOutput) expect(text).not.toContain(password);
  });
});
