import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from '../test-support/cli.js';
import { smallMigrations, startCli, waitFor } from './support.js';
import { existsSync } from 'node:fs';

// Two gander processes on one embedded (PGlite) data directory: before the
// data-directory lock both "succeeded" and one side's tables were lost. Now
// the second waits for the first (naming it), then finds nothing to do; or,
// given a short --lock-timeout, refuses naming the holder. PGlite starts
// slowly, so this file keeps to a few runs.

const MIGRATIONS = 6;

describe('racing processes on one embedded data directory', () => {
  let cwd: string;
  beforeAll(async () => {
    assertBuilt();
    cwd = await makeProject({
      ...smallMigrations(MIGRATIONS),
      'slow/00001_slow.sql': '-- +goose Up\nSELECT pg_sleep(4);\n-- +goose Down\nSELECT 1;\n',
    });
  });
  afterAll(async () => {
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('two concurrent `up`: each version applied once, history complete, both exit 0', async () => {
    const runs = await Promise.all([runCli(['-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd }), runCli(['-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd })]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const ok = runs.flatMap((r) => r.stderr.split('\n').filter((l) => / OK {3}\d+_t\d+\.sql/.test(l)));
    expect(ok).toHaveLength(MIGRATIONS);
    // The one that waited said whom it waited for.
    expect(runs.map((r) => r.stderr).join('\n')).toMatch(/waiting for the embedded database, in use by process \d+/);
    const history = await runCli(['-dir', 'migrations', '--json', 'history'], { cwd });
    const rows = (JSON.parse(history.stdout) as { history: { version: string; outcome: string }[] }).history;
    expect(rows.filter((r) => r.outcome === 'ok').map((r) => r.version).sort()).toEqual(
      Array.from({ length: MIGRATIONS }, (_, i) => String(i + 1)).sort(),
    );
    const status = await runCli(['-dir', 'migrations', '--json', 'status'], { cwd });
    expect(JSON.parse(status.stdout)).toMatchObject({ currentVersion: String(MIGRATIONS) });
    expect(existsSync(join(cwd, '.gander', 'pglite.lock'))).toBe(false);
  });

  it('with a short --lock-timeout the second refuses, naming the holder pid and command', async () => {
    const holder = startCli(['-dir', 'slow', '-table', 'slow_versions', 'pglite', '.gander/pglite', 'up'], cwd);
    await waitFor('the holder to take the lock', async () => existsSync(join(cwd, '.gander', 'pglite.lock')));
    const loser = await runCli(['-dir', 'migrations', '--lock-timeout', '500ms', 'status'], { cwd });
    const held = await holder.output;
    expect(held.code, held.stderr).toBe(0);
    expect(loser.code).toBe(1);
    expect(loser.stderr).toContain(`in use by process ${holder.pid}`);
    expect(loser.stderr).toContain('-table slow_versions pglite .gander/pglite up');
    expect(loser.stderr).not.toContain('internal error');
  });
});
