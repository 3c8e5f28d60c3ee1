import { fileURLToPath } from 'node:url';
import { pgDatabase } from '@gander/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPostgres, vectorServerTarget, type LocalPostgres } from '@gander/test-server';
import { assertBuilt, logLines, runCli } from './test-support/cli.js';

// The Data Storage schema on its real target (DD-012: PostgreSQL 16+ with
// pgvector), through the command line exactly as DD-012's usage lines type it:
// 001–012 up, a re-run with nothing to do, down to 0, up again. The server is
// a throwaway cluster from GANDER_PG_BIN (.ci/run installs pgserver's
// PostgreSQL 16 with pgvector); without one the file skips, saying why.

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
const target = vectorServerTarget();
if (!target.available) console.info(`[skip] Data Storage through the CLI on PostgreSQL 16 + pgvector: ${target.why}`);

async function scalar(url: string, sql: string): Promise<string> {
  const db = await pgDatabase(url);
  try {
    const { rows } = await db.query<{ v: string }>(sql);
    return String(rows[0]?.v);
  } finally {
    await db.close();
  }
}

describe.runIf(target.available)(`Data Storage 001–012 through the CLI on ${target.available ? target.label : 'PostgreSQL 16 + pgvector'}`, () => {
  let server: LocalPostgres;
  const gander = (...args: string[]) => runCli(['-dir', MIGRATIONS, 'postgres', server.url, ...args], { cwd: MIGRATIONS });
  const versions = () => scalar(server.url, 'SELECT string_agg(version_id::text, \',\' ORDER BY id) AS v FROM goose_db_version WHERE is_applied');

  beforeAll(async () => {
    assertBuilt();
    if (!target.available) return;
    server = await startLocalPostgres({ binDir: target.binDir });
    console.info(`[real target] Data Storage through the CLI on ${target.label}, server_version ${await scalar(server.url, "SELECT current_setting('server_version') AS v")}`);
  }, 120_000);
  afterAll(() => server?.stop());

  it('the server is PostgreSQL 16+ with the pgvector the title names', async () => {
    expect(await scalar(server.url, "SELECT current_setting('server_version') AS v")).toMatch(new RegExp(`^${target.available ? target.version : ''}`));
    expect(await scalar(server.url, "SELECT default_version AS v FROM pg_available_extensions WHERE name = 'vector'")).toBe(
      target.available ? target.vector : '',
    );
  });

  it('up applies 001–012 and says so in goose\'s words', async () => {
    const run = await gander('up');
    expect(run.code, run.stderr).toBe(0);
    const lines = logLines(run.stderr);
    expect(lines.filter((l) => l.startsWith('OK '))).toHaveLength(12);
    expect(lines.at(-1)).toBe('goose: successfully migrated database to version: 12');
    expect(await versions()).toBe('0,1,2,3,4,5,6,7,8,9,10,11,12');
    expect(await scalar(server.url, "SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'")).toBe(target.available ? target.vector : '');
    expect(
      await scalar(
        server.url,
        "SELECT format_type(atttypid, atttypmod) AS v FROM pg_attribute WHERE attrelid = 'resource_action_traces'::regclass AND attname = 'embedding'",
      ),
    ).toBe('vector(1536)');
  });

  it('a re-run has no migrations to run; version says 12', async () => {
    const again = await gander('up');
    expect(again.code, again.stderr).toBe(0);
    expect(logLines(again.stderr)).toEqual(['goose: no migrations to run. current version: 12']);
    const version = await gander('version');
    expect(logLines(version.stderr)).toEqual(['goose: version 12']);
  });

  it('down-to 0 rolls every migration back: no table of the schema is left, pgvector dropped with 005', async () => {
    const run = await gander('down-to', '0');
    expect(run.code, run.stderr).toBe(0);
    expect(logLines(run.stderr).filter((l) => l.startsWith('OK '))).toHaveLength(12);
    expect(await versions()).toBe('0');
    expect(await scalar(server.url, "SELECT count(*) AS v FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'goose_db_version' AND tablename <> 'gander_migration_log'")).toBe('0');
    expect(await scalar(server.url, "SELECT count(*) AS v FROM pg_extension WHERE extname = 'vector'")).toBe('0');
  });

  it('up again applies all twelve once more', async () => {
    const run = await gander('up');
    expect(run.code, run.stderr).toBe(0);
    expect(logLines(run.stderr).at(-1)).toBe('goose: successfully migrated database to version: 12');
    // goose deletes a version's row on down, so the table reads as after the first up.
    expect(await versions()).toBe('0,1,2,3,4,5,6,7,8,9,10,11,12');
  });
});
