import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider, pgDatabase } from '@gander/core';
import { createTestDatabase } from '@gander/test-server';
import { loadConfig } from './config.js';
import { startService, type RunningService } from './start.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoMigrations = resolve(here, '../../../migrations');
const bin = resolve(here, '../dist/bin.js');

/** Run the service's bin; one that starts serving is stopped at once, one that neither serves nor exits within `capMs` is killed. */
function runBin(args: string[], env: NodeJS.ProcessEnv, cwd?: string, capMs = 20_000): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A replica that started serving has passed the check: stop it.
    const timer = setTimeout(() => child.kill('SIGTERM'), capMs);
    child.stderr.on('data', () => {
      if (stderr.includes('listening on')) child.kill('SIGTERM');
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

/** The gander CLI of this workspace, which the refusal's command names as `gander`. */
const cliBin = resolve(here, '../../cli/dist/bin.cjs');

function assertCliBuilt(): void {
  if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: build first (npx -y pnpm@10.34.9 build)`);
}

/** Run a command line exactly as printed, in a POSIX shell where `gander` is this workspace's CLI; no terminal. */
async function runInShell(command: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const shims = await mkdtemp(join(tmpdir(), 'gander-ds-shim-'));
  await writeFile(join(shims, 'gander'), `#!/bin/sh\nexec "${process.execPath}" "${cliBin}" "$@"\n`, { mode: 0o755 });
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOOSE_')));
  try {
    return await new Promise((done, fail) => {
      const child = spawn('sh', ['-c', command], {
        cwd,
        env: { ...inherited, ...env, PATH: `${shims}${delimiter}${process.env.PATH ?? ''}` },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr }));
    });
  } finally {
    await rm(shims, { recursive: true, force: true });
  }
}

describe('data-storage on the embedded database', () => {
  let root: string;
  let service: RunningService | undefined;
  const log: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gander-ds-'));
  });
  afterAll(async () => {
    await service?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const config = (argv: string[] = []) =>
    loadConfig(argv, { PORT: '0', MIGRATIONS_DIR: repoMigrations, GANDER_EMBEDDED_DIR: join(root, 'pglite') }, root);

  it('refuses to start before the migrations ran, naming the command to run', async () => {
    const error = await startService(config(), (l) => log.push(l)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_SCHEMA_STALE' });
    expect((error as { hint: string }).hint).toBe(`run: gander -dir ${repoMigrations} pglite ${join(root, 'pglite')} up-to 12`);
  });

  it('starts after migrating, serves /healthz and the ADR-033 endpoints on a real port', async () => {
    service = await startService(config(['--migrate']), (l) => log.push(l));
    expect(log.some((l) => l.includes('migrated database to version 12'))).toBe(true);
    await service.db.exec(await readFile(join(repoMigrations, 'testdata/seed_test_data.sql'), 'utf8'));
    const base = `http://127.0.0.1:${service.port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', schema: { ok: true, currentVersion: '12', requiredVersion: '12' } });

    const rate = (await (await fetch(`${base}/api/v1/success-rate/incident-type`)).json()) as {
      results: { incidentType: string; total: number; succeeded: number; successRate: number }[];
    };
    expect(rate.results.length).toBeGreaterThan(0);
    for (const r of rate.results) {
      expect(r.succeeded).toBeLessThanOrEqual(r.total);
      expect(r.successRate).toBeCloseTo(r.succeeded / r.total, 3);
    }
    const { rows } = await service.db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM resource_action_traces WHERE incident_type IS NOT NULL',
    );
    expect(rate.results.reduce((sum, r) => sum + r.total, 0)).toBe(Number(rows[0]!.n));

    const traces = (await (await fetch(`${base}/api/v1/traces?limit=5`)).json()) as { results: unknown[] };
    expect(traces.results).toHaveLength(5);
    expect((await fetch(`${base}/api/v1/traces?limit=0`)).status).toBe(400);
    expect((await fetch(`${base}/nope`)).status).toBe(404);

    // Rolled back under a running service: the health check says so.
    await (await createProvider({ db: service.db, dir: repoMigrations })).down();
    const stale = await fetch(`${base}/healthz`);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ status: 'schema-out-of-date', schema: { pending: ['12'] } });
  });
});

describe("data-storage's refusal names a command that runs as written", () => {
  it('on the embedded database: in CI, without a terminal, in the directory the service ran in', async () => {
    assertCliBuilt();
    const root = await mkdtemp(join(tmpdir(), 'gander-ds-hint-'));
    try {
      await cp(repoMigrations, join(root, 'migrations'), { recursive: true });
      // The default configuration: ./migrations and the embedded database in ./.gander/pglite.
      const env = { DATABASE_URL: '', MIGRATIONS_DIR: '', GANDER_EMBEDDED_DIR: '', PORT: '0', CI: 'true' };
      // Each step opens the embedded database cold: slow on a busy machine, so a generous cap.
      const refused = await runBin([], env, root, 150_000);
      expect(refused.code, refused.stderr).toBe(1);
      const command = /; run: (gander .*)$/m.exec(refused.stderr)?.[1];
      expect(command).toBe('gander -dir migrations pglite .gander/pglite up-to 12');
      const fixed = await runInShell(command!, root, env);
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.stderr).toContain('goose: successfully migrated database to version: 12');
      const started = await runBin([], env, root, 150_000);
      expect(started.stderr).toContain('listening on');
      expect(started.stderr).toContain('(schema version 12, database embedded .gander/pglite)');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 600_000);

  it('on PostgreSQL: the DSN by the variable it came from, so no password is shown', async () => {
    const database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!);
    const dir = await mkdtemp(join(tmpdir(), 'gander-ds-hint-pg-'));
    try {
      // Twelve plain versions: the test server has no pgvector.
      await mkdir(join(dir, 'migrations'));
      for (let v = 1; v <= 12; v++) {
        await writeFile(join(dir, 'migrations', `${String(v).padStart(3, '0')}_step.sql`), `-- +goose Up\nCREATE TABLE step_${v} (id int);\n`);
      }
      const env = { DATABASE_URL: database.url, MIGRATIONS_DIR: '', PORT: '0', CI: 'true' };
      const refused = await runBin([], env, dir);
      const command = /; run: (gander .*)$/m.exec(refused.stderr)?.[1];
      expect(command).toBe('gander -dir migrations postgres "$DATABASE_URL" up-to 12');
      const fixed = await runInShell(command!, dir, env);
      expect(fixed.code, fixed.stderr).toBe(0);
      expect((await runBin([], env, dir)).stderr).toContain('listening on');
    } finally {
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('data-storage replicas on a real server', () => {
  it('start together with --migrate and apply each migration once', async () => {
    // The real server has no pgvector, so the replicas migrate a pgvector-free
    // set of twelve versions; the locking is what is under test.
    const dir = await mkdtemp(join(tmpdir(), 'gander-ds-replicas-'));
    const migrations = join(dir, 'migrations');
    await mkdir(migrations);
    for (let v = 1; v <= 12; v++) {
      await writeFile(
        join(migrations, `${String(v).padStart(3, '0')}_step.sql`),
        `-- +goose Up\nCREATE TABLE step_${v} (id int);\nSELECT pg_sleep(0.05);\n-- +goose Down\nDROP TABLE step_${v};\n`,
      );
    }
    const database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!);
    try {
      const env = { DATABASE_URL: database.url, PORT: '0', MIGRATIONS_DIR: migrations };
      const replicas = await Promise.all([1, 2, 3, 4].map(() => runBin(['--migrate'], env)));
      for (const r of replicas) expect(r.stderr).toContain('listening on');
      expect(replicas.filter((r) => r.stderr.includes('migrated database to version 12'))).toHaveLength(1);
      expect(replicas.filter((r) => r.stderr.includes('no migrations to run'))).toHaveLength(3);
      expect(replicas.every((r) => !r.stderr.includes(new URL(database.url).password))).toBe(true);
      const db = await pgDatabase(database.url);
      const { rows } = await db.query<{ n: string; d: string }>(
        'SELECT count(*)::text AS n, count(DISTINCT version_id)::text AS d FROM goose_db_version',
      );
      expect(rows[0]).toEqual({ n: '13', d: '13' });
      await db.close();
    } finally {
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a stale schema with one clear line and exit code 1', async () => {
    const database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!);
    try {
      const result = await runBin([], { DATABASE_URL: database.url, PORT: '0', MIGRATIONS_DIR: repoMigrations });
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('refusing to start: database schema is not ready: current version 0, required 12');
      expect(lines[0]).toContain(`up-to 12`);
      expect(lines[0]).not.toContain(new URL(database.url).password);
    } finally {
      await database.drop();
    }
  });
});

