import type { Database, Plan, Provider } from '@gander/core';
import { Console } from 'node:console';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTuiError, TuiError } from './errors.js';
import { runTui } from './run-tui.js';
import { appliedVersions, openTestDatabase, providerFor, resetDatabase } from './test-support/database.js';
import { FakeTtyIn, FakeTtyOut } from './test-support/fake-tty.js';
import { goodSources } from './test-support/migrations.js';

const ENTER_ALT = '\u001B[?1049h';
const LEAVE_ALT = '\u001B[?1049l';

let db: Database;
let provider: Provider;

beforeAll(async () => {
  // Ink patches the console while it runs (stray logs would tear the screen);
  // vitest's console has no Console constructor to patch with. Node's has.
  if (typeof console.Console !== 'function') Object.assign(console, { Console });
  db = await openTestDatabase();
});
afterEach(async () => {
  await resetDatabase(db);
});
afterAll(async () => {
  await db.close();
});

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The caller's provider, with a signal when a plan is ready (frames are not drawn when CI is set). */
function withPlanSignal(inner: Provider): { provider: Provider; planned: () => Promise<Plan> } {
  let resolvePlan: (plan: Plan) => void = () => undefined;
  let next = new Promise<Plan>((resolve) => (resolvePlan = resolve));
  return {
    provider: {
      ...inner,
      async plan(op) {
        const plan = await inner.plan(op);
        resolvePlan(plan);
        return plan;
      },
    },
    planned: async () => {
      const plan = await next;
      next = new Promise<Plan>((resolve) => (resolvePlan = resolve));
      return plan;
    },
  };
}

describe('runTui', () => {
  beforeAll(async () => {
    provider = await providerFor(db, goodSources());
  });

  it('refuses when stdout is not a TTY, pointing to the CLI, and writes nothing', async () => {
    const stdout = new FakeTtyOut(false);
    const error = await runTui({ provider, stdout: stdout.asStream(), stdin: new FakeTtyIn().asStream() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TuiError);
    expect(isTuiError(error) && error.code).toBe('E_NOT_A_TTY');
    expect((error as TuiError).message).toContain('`gander status`');
    expect((error as TuiError).message).toContain('`gander up`');
    expect((error as TuiError).hint).toContain('terminal');
    expect(stdout.chunks).toEqual([]);
  });

  it('refuses when stdin is not a TTY', async () => {
    const error = await runTui({ provider, stdout: new FakeTtyOut().asStream(), stdin: new FakeTtyIn(false).asStream() }).catch((e: unknown) => e);
    expect(isTuiError(error) && error.code).toBe('E_NOT_A_TTY');
    expect((error as TuiError).message).toContain('stdin is not a TTY');
  });

  it('resolves on q and gives the terminal back; the provider and database stay open', async () => {
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    const done = runTui({ provider, stdout: stdout.asStream(), stdin: stdin.asStream(), noColor: true });
    await tick(200);
    stdin.type('q');
    await done;
    expect(stdout.chunks[0]).toBe(ENTER_ALT);
    expect(stdout.chunks.at(-1)).toBe(LEAVE_ALT);
    expect(stdin.rawModes[0]).toBe(true);
    expect(stdin.rawModes.at(-1)).toBe(false);
    expect(stdin.listenerCount('readable')).toBe(0);
    // Not ours to close.
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    expect(await provider.version()).toBe(0n);
  });

  it('Ctrl-C during a run stops after the running migration, shows what did not run, and reports it', async () => {
    const { provider: signalling, planned } = withPlanSignal(provider);
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    // The user presses Ctrl-C while the first migration runs.
    const unsubscribe = provider.subscribe((e) => {
      if (e.type === 'statement-start' && e.version === 1n) stdin.type('\u0003');
    });
    const done = runTui({ provider: signalling, stdout: stdout.asStream(), stdin: stdin.asStream(), noColor: true });
    await tick(200);
    stdin.type('u');
    await planned();
    await tick(50);
    stdin.type('y');
    // The outcome stays on screen until a key: wait for it, then quit.
    const deadline = Date.now() + 15_000;
    while (!stdout.output.includes('Stopped by you') && Date.now() < deadline) await tick(20);
    unsubscribe();
    expect(stdout.output).toContain('Stopped by you after the running migration: 1 migration applied');
    expect(stdout.output).toContain('Not run (3 migrations): 00002_add_email.sql, 00003_create_posts.sql');
    stdin.type('x');
    const summary = await done;
    // The running migration finished; the rest never started.
    expect(await appliedVersions(db)).toEqual([1n]);
    expect(summary.interrupted).toEqual({
      operation: 'up',
      ran: ['up 00001_create_users.sql'],
      notRun: ['up 00002_add_email.sql', 'up 00003_create_posts.sql', expect.stringMatching(/^up 00004_/)],
      currentVersion: 1n,
    });
    expect(stdout.chunks.at(-1)).toBe(LEAVE_ALT);
    expect(stdin.rawModes.at(-1)).toBe(false);
  });

  it('a run that was not stopped reports no interruption', async () => {
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    const done = runTui({ provider, stdout: stdout.asStream(), stdin: stdin.asStream() });
    await tick(100);
    stdin.type('q');
    expect((await done).interrupted).toBeUndefined();
  });

  it('can run again after quitting (no Ink instance left behind)', async () => {
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    const done = runTui({ provider, stdout: stdout.asStream(), stdin: stdin.asStream() });
    await tick(100);
    stdin.type('\u0003');
    await done;
    const again = new FakeTtyIn();
    const second = runTui({ provider, stdout: stdout.asStream(), stdin: again.asStream() });
    await tick(100);
    again.type('q');
    await second;
    expect(again.rawModes.at(-1)).toBe(false);
  });
});
