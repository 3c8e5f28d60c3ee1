import { createProvider, dataDirLockPath, lockDataDir, sourcesFromList } from '@gander/core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteInWorker, type PgliteInWorker } from './db/pglite-in-worker.js';
import type { ProviderSource } from './app.js';
import { renderApp, type AppHarness } from './test-support/render-app.js';

// One migration that is a single long statement: the UI thread must stay free while it runs.
const SLEEP_S = 4;
const sources = () =>
  sourcesFromList([
    { fileName: '00001_slow.sql', content: `-- +goose Up\nSELECT pg_sleep(${SLEEP_S});\n\n-- +goose Down\nSELECT 1;\n` },
    { fileName: '00002_after.sql', content: '-- +goose Up\nCREATE TABLE after_slow (id int);\n\n-- +goose Down\nDROP TABLE after_slow;\n' },
  ]);

/** The elapsed time on the line of the running slow migration, in ms; undefined when it is not running. */
function slowElapsedMs(frame: string): number | undefined {
  const row = frame.split('\n').find((l) => /\[running\s*\] up\s+00001_slow\.sql/.test(l));
  const match = row && /(\d+(?:\.\d)?) (ms|s)\s*$/.exec(row);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

let app: AppHarness | undefined;
let pglite: PgliteInWorker | undefined;
let dir: string | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await pglite?.dispose();
  pglite = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a live screen during one long statement (PGlite in a worker thread)', () => {
  it('the elapsed time ticks and q is answered while the statement runs; the run stops after it, and the directory is locked only while working', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gander-tui-live-'));
    const dataDir = join(dir, 'pglite');
    const worker = pgliteInWorker({ dataDir });
    pglite = worker;
    // A new data directory is initialised on first open: seconds, more on a loaded machine; not what is measured here.
    await worker.use(async () => undefined);
    const source: ProviderSource = {
      withProvider: (_options, work) => worker.use(async (db) => work(await createProvider({ db, sources: sources(), envLabel: 'test' }))),
      target: `pglite:${dataDir}`,
    };
    const ui = await renderApp(source);
    app = ui;
    await ui.waitFor((f) => f.includes('2 pending'), 'the list');
    // Idle: the data directory is let go once the status is read (another process may use it).
    await ui.waitFor(() => !existsSync(dataDirLockPath(dataDir)), 'the lock to be let go after the status');

    await ui.press('u', (f) => f.includes('[y/N]'));
    await ui.press('y', (f) => slowElapsedMs(f) !== undefined);
    const first = await ui.waitFor((f) => (slowElapsedMs(f) ?? 0) >= 300, 'the slow migration running');
    expect(first).toContain('statement 1 at line 2: SELECT pg_sleep');
    expect(existsSync(dataDirLockPath(dataDir))).toBe(true);
    const before = slowElapsedMs(first)!;
    // The clock moves while the one statement runs: frames keep coming from the UI thread.
    const later = await ui.waitFor((f) => (slowElapsedMs(f) ?? 0) >= before + 800, 'the elapsed time to tick during the statement');
    expect(later).toContain('0/1 statements');

    // q during the statement is seen at once: the screen says so while the migration still runs.
    await ui.send('q');
    const answered = await ui.waitFor((f) => f.includes('stopping after the running migration'), 'the answer to q');
    expect(slowElapsedMs(answered)).toBeDefined();
    expect(slowElapsedMs(answered)!).toBeLessThan(SLEEP_S * 1000);

    const stopped = await ui.waitFor((f) => f.includes('Stopped by you'), 'the stopped outcome');
    expect(stopped).toMatch(/\[done\s*\] up\s+00001_slow\.sql/);
    expect(stopped).toContain('Not run (1 migration): 00002_after.sql');
    // The run is over: the directory is let go again.
    await ui.waitFor(() => !existsSync(dataDirLockPath(dataDir)), 'the lock to be let go');
  }, 120_000);

  it('waits for another holder of the data directory, saying who, and reads the status once it is let go', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gander-tui-live-'));
    const dataDir = join(dir, 'pglite');
    const worker = pgliteInWorker({ dataDir });
    pglite = worker;
    await worker.use(async () => undefined);
    const source: ProviderSource = {
      withProvider: ({ onWait }, work) =>
        worker.use(async (db) => work(await createProvider({ db, sources: sources(), envLabel: 'test' })), onWait ? { onWait: (h) => onWait(`process ${h.pid}`) } : {}),
      target: `pglite:${dataDir}`,
    };
    const ui = await renderApp(source);
    app = ui;
    await ui.waitFor((f) => f.includes('2 pending'), 'the list');
    await ui.waitFor(() => !existsSync(dataDirLockPath(dataDir)), 'the lock to be let go after the status');
    // Someone else (here: a lock taken directly, as another gander would) holds the directory.
    const held = await lockDataDir(dataDir);
    try {
      const waiting = await ui.press('R', (f) => f.includes('waiting for the embedded database'));
      expect(waiting).toContain(`waiting for the embedded database, in use by process ${process.pid}`);
    } finally {
      held.release();
    }
    const after = await ui.waitFor((f) => f.includes('re-read the migration files and the database'), 'the re-read once the lock is free');
    expect(after).toContain('2 pending');
    expect(after).not.toContain('waiting for the embedded database');
  }, 120_000);

  it('a plan confirmed after the database changed is not run: the run re-plans and says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gander-tui-live-'));
    const dataDir = join(dir, 'pglite');
    const worker = pgliteInWorker({ dataDir });
    pglite = worker;
    const provide = <T,>(work: (p: Awaited<ReturnType<typeof createProvider>>) => Promise<T>) =>
      worker.use(async (db) => work(await createProvider({ db, sources: sources(), envLabel: 'test' })));
    await provide(async () => undefined);
    const ui = await renderApp({ withProvider: (_options, work) => provide(work), target: `pglite:${dataDir}` });
    app = ui;
    await ui.waitFor((f) => f.includes('2 pending'), 'the list');
    await ui.press('u', (f) => f.includes('[y/N]'));
    // While the plan is on screen (nothing held), another session applies the first migration.
    await provide((p) => p.upTo(1n));
    const refused = await ui.press('y', (f) => f.includes('E_PLAN_CHANGED'));
    expect(refused.replace(/\s+/g, ' ')).toContain('changed since this plan was shown: nothing was run');
    expect(refused).toContain('hint: look at the refreshed list and plan again');
    const list = await ui.press('x', (f) => f.includes('VERSION') && f.includes('q quit'));
    expect(list).toContain('1 pending');
    expect(await provide((p) => p.version())).toBe(1n);
  }, 120_000);
});
