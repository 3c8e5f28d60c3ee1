import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, logLines, makeProject, MIGRATIONS, runCli } from './test-support/cli.js';

// PGlite starts slowly (it compiles PostgreSQL's WebAssembly on every run), so
// this file keeps to two runs that open it: the explicit pglite driver, then
// the embedded default on the same data directory. The refusals open nothing.

beforeAll(() => assertBuilt());

describe('the embedded database', () => {
  it('is never chosen silently for a command that changes a database, in CI or without a terminal', async () => {
    const cwd = await makeProject(MIGRATIONS);
    for (const [env, where] of [
      [{ CI: 'true' }, 'in CI'],
      [{}, 'without a terminal'],
    ] as const) {
      for (const command of ['up', 'down', 'reset']) {
        const refused = await runCli(['-dir', 'migrations', command], { cwd, env });
        expect(refused.code).toBe(1);
        expect(refused.stdout).toBe('');
        expect(logLines(refused.stderr)).toEqual([
          `gander: ${command}: no database given ${where}: set GOOSE_DRIVER and GOOSE_DBSTRING (or pass DRIVER DBSTRING), or name the embedded database explicitly: gander pglite .gander/pglite ${command}`,
        ]);
      }
    }
    expect(existsSync(join(cwd, '.gander'))).toBe(false);
  });

  it('is opened by the explicit pglite driver, and read-only commands use it by default (the README first command)', async () => {
    const cwd = await makeProject(MIGRATIONS);
    const up = await runCli(['-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd, env: { CI: 'true' } });
    expect(up.code).toBe(0);
    expect(logLines(up.stderr)).toEqual([
      expect.stringMatching(/^OK {3}00001_users\.sql \(/),
      expect.stringMatching(/^OK {3}00002_user_count\.sql \(/),
      expect.stringMatching(/^OK {3}00003_index\.sql \(/),
      'goose: successfully migrated database to version: 3',
    ]);
    expect(existsSync(join(cwd, '.gander', 'pglite'))).toBe(true);

    const status = await runCli(['-dir', 'migrations', '--json', 'status'], { cwd, env: { CI: 'true' } });
    expect(status.code).toBe(0);
    expect(status.stderr.split('\n')[0]).toBe('gander: no DRIVER/DBSTRING given: using the embedded database in .gander/pglite');
    const doc = JSON.parse(status.stdout) as { driver: string; target: string; currentVersion: string; migrations: { state: string }[] };
    expect(doc).toMatchObject({ driver: 'pglite', target: 'pglite:.gander/pglite', currentVersion: '3' });
    expect(doc.migrations.map((m) => m.state)).toEqual(['applied', 'applied', 'applied']);
    // Two PGlite start-ups (each compiles PostgreSQL's WebAssembly): slow on a busy machine.
  }, 180_000);
});
