import { collectMigrations, sourcesFromList } from '@gander/core';
import { vectorServerTarget } from '@gander/test-server';
import { describe, expect, it } from 'vitest';
import { TestkitError } from '../errors.js';
import { DATA_STORAGE_MIGRATIONS, testServerUrl } from '../test-support/server-database.js';
import { chooseServerFor } from './choose-server.js';
import { probeDockerEngine } from './docker-engine.js';
import { startEphemeralPostgres } from './start-ephemeral.js';
import { requiredExtensions } from '../database/required-extensions.js';

describe('probeDockerEngine', () => {
  it('answers quickly that there is no engine when no socket answers', async () => {
    const started = Date.now();
    const probe = await probeDockerEngine({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(probe).toEqual({ available: false, reason: 'no Docker engine answers at unix:///nonexistent/docker.sock' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('rejects a DOCKER_HOST it cannot use', async () => {
    expect((await probeDockerEngine({ DOCKER_HOST: 'ssh://somewhere' })).available).toBe(false);
  });
});

describe('startEphemeralPostgres', () => {
  it('uses a server you run (GANDER_TEST_DATABASE_URL): a database per call, dropped after; the server is left running', async () => {
    const server = await startEphemeralPostgres({ env: { GANDER_TEST_DATABASE_URL: testServerUrl() } });
    expect(server.kind).toBe('external');
    const first = await server.createDatabase();
    const second = await server.createDatabase();
    expect(first.url).not.toBe(second.url);
    await first.db.exec('CREATE TABLE t (id int)');
    expect((await second.db.query(`SELECT to_regclass('t') AS t`)).rows).toEqual([{ t: null }]);
    await first.drop();
    await server.stop(); // drops `second` too
    const check = await startEphemeralPostgres({ prefer: 'external', env: { GANDER_TEST_DATABASE_URL: testServerUrl() } });
    const { db, drop } = await check.createDatabase();
    const names = await db.query<{ datname: string }>('SELECT datname FROM pg_database');
    const left = names.rows.map((r) => r.datname);
    expect(left).not.toContain(new URL(first.url!).pathname.slice(1));
    expect(left).not.toContain(new URL(second.url!).pathname.slice(1));
    await drop();
    await check.stop();
  });

  it('skips testcontainers fast when no Docker engine answers, and says why when nothing else is allowed', async () => {
    const started = Date.now();
    const error = await startEphemeralPostgres({ prefer: ['external', 'testcontainers'], env: { DOCKER_HOST: 'unix:///nonexistent.sock' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TestkitError);
    expect(error).toMatchObject({ code: 'E_NO_SERVER' });
    expect((error as Error).message).toBe(
      'no PostgreSQL could be started:\n' +
        '  external: GANDER_TEST_DATABASE_URL and DATABASE_URL are not set\n' +
        '  testcontainers: no Docker engine answers at unix:///nonexistent.sock',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects an unknown kind', async () => {
    await expect(startEphemeralPostgres({ prefer: 'oracle' as never })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });
});

describe('chooseServerFor (what migrationSuite runs on)', () => {
  const env = (): NodeJS.ProcessEnv => ({ GANDER_TEST_SERVER_URL: testServerUrl(), GANDER_TEST_SERVER_KIND: 'embedded-postgres' });
  const vectorTarget = vectorServerTarget();

  it('finds the extensions the migrations create', async () => {
    const sources = await collectMigrations(DATA_STORAGE_MIGRATIONS);
    expect([...requiredExtensions(sources)]).toEqual([['vector', ['005_vector_schema.sql']]]);
  });

  it.runIf(vectorTarget.available)('auto: uses a GANDER_PG_BIN cluster with pgvector when the server lacks it, and says so', async () => {
    const binDir = vectorTarget.available ? vectorTarget.binDir : '';
    const chosen = await chooseServerFor(await collectMigrations(DATA_STORAGE_MIGRATIONS), { env: { ...env(), GANDER_PG_BIN: binDir } });
    try {
      expect(chosen.server.kind).toBe('local-binaries');
      expect(chosen.owned).toBe(true);
      expect(chosen.note).toMatch(/^local-binaries \(PostgreSQL 1[6-9][.\d]*\), because the embedded-postgres server has no vector extension, needed by 005_vector_schema.sql$/);
    } finally {
      await chosen.server.stop();
    }
  });

  it('auto: falls back to PGlite when the server lacks pgvector (and GANDER_PG_BIN is not set), and says so', async () => {
    const chosen = await chooseServerFor(await collectMigrations(DATA_STORAGE_MIGRATIONS), { env: env() });
    expect(chosen.server.kind).toBe('pglite');
    expect(chosen.note).toBe('pglite, because the embedded-postgres server has no vector extension, needed by 005_vector_schema.sql');
    await chosen.server.stop();
  });

  it("auto: uses the run's shared server when it has what the migrations need (and does not own it)", async () => {
    const sources = sourcesFromList([
      { fileName: '1_crypto.sql', content: '-- +goose Up\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\n-- +goose Down\nDROP EXTENSION pgcrypto;\n' },
    ]);
    const chosen = await chooseServerFor(sources, { env: env() });
    expect(chosen).toMatchObject({ owned: false, note: undefined });
    expect(chosen.server.kind).toBe('embedded-postgres');
    expect(chosen.server.url).toBe(testServerUrl());
  });

  it('pglite when asked, whatever the server', async () => {
    const chosen = await chooseServerFor([], { database: 'pglite', env: env() });
    expect(chosen).toMatchObject({ owned: true, note: undefined });
    expect(chosen.server.kind).toBe('pglite');
  });
});

describe('chooseServerFor without a shared server', () => {
  it('goes straight to PGlite when the global setup found only PGlite', async () => {
    const chosen = await chooseServerFor([], { env: { GANDER_TEST_SERVER_KIND: 'pglite' } });
    expect(chosen.server.kind).toBe('pglite');
  });
});
