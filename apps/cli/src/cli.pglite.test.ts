import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, logLines, makeProject, MIGRATIONS, runCli } from './test-support/cli.js';

// PGlite starts slowly (it compiles PostgreSQL's WebAssembly on every run), so
// this file keeps to two runs: the embedded default, then the same data
// directory through the explicit pglite driver.

beforeAll(() => assertBuilt());

describe('the embedded database', () => {
  it('is used when no driver is given, lives in .gander/pglite, and the pglite driver opens it again', async () => {
    const cwd = await makeProject(MIGRATIONS);
    const up = await runCli(['-dir', 'migrations', 'up'], { cwd });
    expect(up.code).toBe(0);
    expect(up.stderr.split('\n')[0]).toBe('gander: no DRIVER/DBSTRING given: using the embedded database in .gander/pglite');
    expect(logLines(up.stderr).slice(1)).toEqual([
      expect.stringMatching(/^OK {3}00001_users\.sql \(/),
      expect.stringMatching(/^OK {3}00002_user_count\.sql \(/),
      expect.stringMatching(/^OK {3}00003_index\.sql \(/),
      'goose: successfully migrated database to version: 3',
    ]);
    expect(existsSync(join(cwd, '.gander', 'pglite'))).toBe(true);

    const status = await runCli(['-dir', 'migrations', '--json', 'pglite', '.gander/pglite', 'status'], { cwd });
    expect(status.code).toBe(0);
    const doc = JSON.parse(status.stdout) as { driver: string; target: string; currentVersion: string; migrations: { state: string }[] };
    expect(doc).toMatchObject({ driver: 'pglite', target: 'pglite:.gander/pglite', currentVersion: '3' });
    expect(doc.migrations.map((m) => m.state)).toEqual(['applied', 'applied', 'applied']);
  });
});
