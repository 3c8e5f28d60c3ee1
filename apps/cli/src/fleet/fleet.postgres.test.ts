import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOutput, assertBuilt, makeProject, MIGRATIONS, runCli } from '../test-support/cli.js';
import type { FleetReport } from './report.js';

// `gander fleet` from the built CLI against the workspace's PostgreSQL server:
// 50 databases on it, plus one target nobody listens at. A role with a
// distinctive password connects; its password reaches the CLI only through an
// environment variable the targets file references, and must never come out.

const serverUrl = process.env.GANDER_TEST_SERVER_URL;
if (!serverUrl) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');

const COUNT = 50;
const tag = randomBytes(3).toString('hex');
const role = `gander_fleet_${tag}`;
const password = `Pw-${randomBytes(9).toString('hex')}`;
const dbNames = Array.from({ length: COUNT }, (_, i) => `gander_fleet_${tag}_${String(i + 1).padStart(2, '0')}`);
const FAILING = 13;
const env = { FLEET_PW: password };
let admin: pg.Client;
let host: string;
let port: string;
let project: string;

const name = (i: number) => `tenant-${String(i).padStart(2, '0')}`;
const dsn = (db: string) => `postgres://${role}:\${FLEET_PW}@${host}:${port}/${db}?sslmode=disable`;

async function onDb<T>(db: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl!);
  url.pathname = `/${db}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function versionOf(db: string): Promise<string | null> {
  return onDb(db, async (c) => {
    const exists = await c.query(`SELECT to_regclass('public.goose_db_version') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return null;
    const { rows } = await c.query<{ v: string }>('SELECT max(version_id)::text AS v FROM goose_db_version WHERE is_applied');
    return rows[0]!.v;
  });
}

/** Empty the database; `conflict` pre-creates what migration 2 creates, so it fails there. */
async function resetDb(db: string, conflict = false): Promise<void> {
  await onDb(db, async (c) => {
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    if (conflict) await c.query(`CREATE FUNCTION user_count() RETURNS bigint AS 'SELECT 0::bigint' LANGUAGE sql`);
  });
}

const gander = (args: string[], extraEnv: Record<string, string> = {}) => runCli(['-dir', 'migrations', ...args], { cwd: project, env: { ...env, ...extraEnv } });
const readReport = async (file: string) => JSON.parse(await readFile(join(project, file), 'utf8')) as FleetReport;

beforeAll(async () => {
  assertBuilt();
  const server = new URL(serverUrl);
  host = server.hostname;
  port = server.port;
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
  for (const db of dbNames) await admin.query(`CREATE DATABASE ${db} OWNER ${role}`);
  project = await makeProject(MIGRATIONS);
  const lines = ['groups: [canary, main]', 'targets:'];
  dbNames.forEach((db, i) => {
    lines.push(`  - name: ${name(i + 1)}`, `    dsn: "${dsn(db)}"`, `    group: ${i === 0 ? 'canary' : 'main'}`, `    labels: { region: ${i % 2 ? 'eu' : 'us'} }`);
  });
  // Nothing listens on port 1: refused at once.
  lines.push('  - name: unreachable', `    dsn: "postgres://${role}:\${FLEET_PW}@127.0.0.1:1/nowhere?sslmode=disable"`, '    group: main');
  await writeFile(join(project, 'targets.yaml'), `${lines.join('\n')}\n`);
}, 300_000);

afterAll(async () => {
  for (const db of dbNames) await admin?.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
  await admin?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  await admin?.end();
}, 300_000);

describe('gander fleet on 50 databases', () => {
  it('migrates the fleet, names both failures, and --only-failed re-runs exactly those two', async () => {
    await resetDb(dbNames[FAILING - 1]!, true);
    const up = await gander(['fleet', 'up', '--targets', 'targets.yaml', '--concurrency', '8', '--report', 'run1.json']);
    expect(up.code).toBe(1);
    const report = await readReport('run1.json');
    expect(report.targets).toHaveLength(COUNT + 1);
    const failed = report.targets.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.name).sort()).toEqual([name(FAILING), 'unreachable']);
    const migrationFailure = failed.find((t) => t.name === name(FAILING))!;
    expect(migrationFailure.error).toMatchObject({ code: 'E_STATEMENT_FAILED', file: '00002_user_count.sql', line: expect.any(Number) });
    expect(migrationFailure).toMatchObject({ fromVersion: '0', toVersion: '1' });
    expect(migrationFailure.applied.map((a) => a.file)).toEqual(['00001_users.sql']);
    expect(failed.find((t) => t.name === 'unreachable')!.error).toMatchObject({ code: 'E_CONNECTION' });
    const ok = report.targets.filter((t) => t.status === 'ok');
    expect(ok).toHaveLength(COUNT - 1);
    for (const t of ok) expect(t).toMatchObject({ fromVersion: '0', toVersion: '3' });
    expect(report.summary).toMatchObject({ total: 51, ok: 49, failed: 2, skipped: 0 });
    expect(report.summary.versions).toEqual([
      { version: '3', count: 49 },
      { version: '1', count: 1 },
    ]);
    // The databases themselves, not only what the report says.
    const versions = await Promise.all(dbNames.map(versionOf));
    expect(versions.filter((v) => v === '3')).toHaveLength(COUNT - 1);
    expect(versions[FAILING - 1]).toBe('1');
    // The table and the exit line name both.
    expect(up.stdout).toMatch(new RegExp(`${name(FAILING)}\\s+main\\s+failed\\s+0\\s+1\\s+1\\s+\\S+\\s+E_STATEMENT_FAILED: 00002_user_count\\.sql:\\d+`));
    expect(up.stdout).toMatch(/unreachable\s+main\s+failed\s+-\s+-\s+0\s+\S+\s+E_CONNECTION: cannot connect/);
    expect(up.stderr).toContain(`fleet up: 2 of 51 targets failed (${[name(FAILING), 'unreachable'].join(', ')})`);
    expect(up.stderr).toContain('fleet up: versions: 3 ×49, 1 ×1');

    // Fix the failing database; the unreachable one stays down.
    await onDb(dbNames[FAILING - 1]!, (c) => c.query('DROP FUNCTION user_count()'));
    const again = await gander(['fleet', 'up', '--targets', 'targets.yaml', '--only-failed', 'run1.json', '--report', 'run2.json']);
    expect(again.code).toBe(1);
    const second = await readReport('run2.json');
    expect(second.targets.map((t) => t.name)).toEqual([name(FAILING), 'unreachable']);
    expect(second.targets.map((t) => t.status)).toEqual(['ok', 'failed']);
    expect(second.targets[0]).toMatchObject({ fromVersion: '1', toVersion: '3' });
    expect(await versionOf(dbNames[FAILING - 1]!)).toBe('3');

    // fleet status: version, pending and drift per database, and how many at each version.
    const status = await gander(['fleet', 'status', '--targets', 'targets.yaml', '--json']);
    const doc = JSON.parse(status.stdout) as { ok: boolean; fleet: FleetReport };
    expect(doc.ok).toBe(false);
    expect(doc.fleet.summary.versions).toEqual([{ version: '3', count: 50 }]);
    expect(doc.fleet.targets[0]!.details).toMatchObject({ latestVersion: '3', pending: 0, drifted: [] });
  }, 300_000);

  it('a failing canary stops every later group', async () => {
    const [canary, ...rest] = dbNames.slice(20, 24);
    await resetDb(canary!, true);
    for (const db of rest) await resetDb(db);
    const file = ['targets:', `  - { name: canary, group: canary, dsn: "${dsn(canary!)}" }`];
    rest.forEach((db, i) => file.push(`  - { name: eu-${i}, group: eu, dsn: "${dsn(db)}" }`, `  - { name: us-${i}, group: us, dsn: "${dsn(db)}" }`));
    await writeFile(join(project, 'canary.yaml'), `${file.join('\n')}\n`);
    const up = await gander(['fleet', 'up', '--targets', 'canary.yaml', '--groups', 'canary', '--report', 'canary.json']);
    expect(up.code).toBe(1);
    const report = await readReport('canary.json');
    expect(report.groups).toEqual(['canary', 'eu', 'us']);
    expect(report.targets.find((t) => t.name === 'canary')!.status).toBe('failed');
    const later = report.targets.filter((t) => t.group !== 'canary');
    expect(later).toHaveLength(6);
    for (const t of later) expect(t).toMatchObject({ status: 'skipped', skippedBecause: 'not started: group canary had 1 failed target' });
    for (const db of rest) expect(await versionOf(db)).toBeNull();
    expect(up.stderr).toContain('fleet: group eu: not started: group canary had 1 failed target');
  }, 120_000);

  it("the command line's run flags reach every database: --lock-mode table takes goose's goose_lock there", async () => {
    const dbs = dbNames.slice(30, 33);
    for (const db of dbs) await resetDb(db);
    const file = ['targets:', ...dbs.map((db, i) => `  - { name: lock-${i}, dsn: "${dsn(db)}" }`)];
    await writeFile(join(project, 'lock-mode.yaml'), `${file.join('\n')}\n`);
    const up = await gander(['--lock-mode', 'table', 'fleet', 'up', '--targets', 'lock-mode.yaml']);
    expect(up.code, up.stderr).toBe(0);
    for (const db of dbs) {
      expect(await versionOf(db)).toBe('3');
      expect(await onDb(db, async (c) => (await c.query<{ t: string | null }>("SELECT to_regclass('goose_lock')::text AS t")).rows[0]!.t)).toBe('goose_lock');
    }
  }, 120_000);

  it('fleet lint judges each database on what it has not applied yet', async () => {
    const [done, fresh] = dbNames.slice(34, 36);
    await resetDb(done!);
    await resetDb(fresh!);
    const file = ['targets:', `  - { name: migrated, dsn: "${dsn(done!)}" }`, `  - { name: empty, dsn: "${dsn(fresh!)}" }`];
    await writeFile(join(project, 'lint.yaml'), `${file.join('\n')}\n`);
    const up = await gander(['fleet', 'up', '--targets', 'lint.yaml', '--groups', 'default']);
    expect(up.code, up.stderr).toBe(0);
    await resetDb(fresh!);
    const lint = await gander(['fleet', 'lint', '--targets', 'lint.yaml', '--json']);
    const doc = JSON.parse(lint.stdout) as { fleet: FleetReport };
    const byName = new Map(doc.fleet.targets.map((t) => [t.name, t]));
    expect(byName.get('migrated')).toMatchObject({ details: { pending: 0, errors: 0, warnings: 0 } });
    const empty = byName.get('empty')! as unknown as { details: { pending: number; warnings: number; rules: string[] } };
    expect(empty.details.pending).toBe(3);
    // 00003 builds an index on users, a table 00001 of the same pending run creates: new, so no lock finding.
    expect(empty.details.rules).not.toContain('require-concurrent-index-creation');
    expect(empty.details.warnings).toBeGreaterThan(0);
  }, 120_000);

  it('shards 1/3, 2/3 and 3/3 cover every target exactly once', async () => {
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const run = await gander(['fleet', 'version', '--targets', 'targets.yaml', '--shard', `${i}/3`, '--json', '--concurrency', '8']);
      const doc = JSON.parse(run.stdout) as { fleet: FleetReport };
      expect(doc.fleet.targets.length).toBeGreaterThanOrEqual(17);
      seen.push(...doc.fleet.targets.map((t) => t.name));
    }
    expect(seen).toHaveLength(COUNT + 1);
    expect(new Set(seen).size).toBe(COUNT + 1);
  }, 120_000);

  it('reads targets from an environment variable and from a command', async () => {
    const json = JSON.stringify([{ name: 'a', dsn: dsn(dbNames[0]!) }, { name: 'b', dsn: dsn(dbNames[1]!), group: 'later' }]);
    await writeFile(join(project, 'two.json'), json);
    const fromEnv = await gander(['fleet', 'version', '--targets-env', 'FLEET_TARGETS', '--json'], { FLEET_TARGETS: json });
    expect(fromEnv.code).toBe(0);
    expect((JSON.parse(fromEnv.stdout) as { fleet: FleetReport }).fleet.targets.map((t) => [t.name, t.toVersion])).toEqual([
      ['a', '3'],
      ['b', '3'],
    ]);
    const fromCmd = await gander(['fleet', 'version', '--targets-cmd', 'cat two.json']);
    expect(fromCmd.code).toBe(0);
    expect(fromCmd.stdout).toMatch(/^TARGET\s+GROUP\s+STATUS/);
    expect(fromCmd.stderr).toMatch(/fleet: ok {6}a {2}at 3/);
  }, 60_000);

  it('stops with the target named when a ${VAR} in a DSN is not set', async () => {
    const run = await gander(['fleet', 'up', '--targets', 'targets.yaml'], { FLEET_PW: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('targets.yaml:3: tenant-01: the DSN references ${FLEET_PW}, which is not set');
  });

  it('never prints the password: output, JSON and reports', async () => {
    const reports = await Promise.all(['run1.json', 'run2.json', 'canary.json'].map((f) => readFile(join(project, f), 'utf8')));
    const everything = [...allOutput, ...reports].join('\n');
    expect(everything.length).toBeGreaterThan(10_000);
    expect(everything).toContain(`postgres://${role}:****@`);
    expect(everything).not.toContain(password);
  });
});
