import { createProvider, sourcesFromList, type Database, type MigrationSource, type ProviderEvent } from '@gander/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { progressLines } from './format/progress-lines.js';
import { applyEvent, progressFromPlan } from './state/progress.js';
import { appliedVersions, openTestDatabase, providerFor, resetDatabase, tableExists } from './test-support/database.js';
import { BROKEN_FILE, goodSources, sourcesWithBroken } from './test-support/migrations.js';
import { KEY, renderApp, type AppHarness } from './test-support/render-app.js';
import type { LintPlan } from './state/types.js';

let db: Database;
let app: AppHarness | undefined;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await resetDatabase(db);
});
afterAll(async () => {
  await db.close();
});

async function open(sources: MigrationSource[] = goodSources(), upTo?: bigint) {
  const provider = await providerFor(db, sources);
  if (upTo !== undefined) await provider.upTo(upTo);
  app = await renderApp(provider);
  return app;
}

const onList = (f: string) => f.includes('VERSION') && f.includes('q quit');
const stateOf = (frame: string, name: string) => /\s(applied|pending|missing|unknown|drifted|failed|partial)\s/.exec(frame.split('\n').find((l) => l.includes(name)) ?? '')?.[1];

describe('running migrations from the TUI', () => {
  it('u shows the plan, y applies it with progress, and the list shows applied', async () => {
    const ui = await open();
    const plan = await ui.press('u', (f) => f.includes('[y/N]'));
    expect(plan).toContain('Plan up: 4 migrations, from version 0');
    expect(plan).toContain('up: apply every pending migration.');
    expect(plan).toContain('Summary');
    expect(plan).toContain('1/4  UP  00001_create_users.sql');
    expect(plan).toContain('version 1, in one transaction, 1 statement');
    expect(plan).toContain('CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);');
    expect(plan).toContain('Run 4 migrations (up)? [y/N]');
    const result = await ui.press('y', (f) => f.includes('Finished: up'));
    expect(result).toMatch(/\[done\s*\] up\s+00001_create_users\.sql\s+1\/1 statements\s+\d+(\.\d)? m?s/);
    expect(result).toMatch(/\[done\s*\] up\s+00003_create_posts\.sql\s+1\/1 statements/);
    expect(result).toContain('Done: 4 migrations applied in');
    expect(result).toContain('the database is at version 4');
    // The progress screen was up, every planned migration listed, before the first one ran.
    const running = ui.frames().find((f) => f.includes('Running up: apply every pending migration'));
    expect(running).toMatch(/\[waiting\s*\] up\s+00001_create_users\.sql/);
    expect(running).toMatch(/\[waiting\s*\] up\s+00004_add_a_rather/);
    const list = await ui.press('x', onList);
    for (const name of ['create_users', 'add_email', 'create_posts', 'add_a_rather']) expect(stateOf(list, name)).toBe('applied');
    expect(list).toContain('version 4 (latest 4)  up to date');
    expect(list).toContain('up: 4 migrations applied; the database is at version 4');
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n]);
  });

  it('u then n cancels: nothing ran, not even the version table was created', async () => {
    const ui = await open();
    await ui.press('u', (f) => f.includes('[y/N]'));
    const list = await ui.press('n', onList);
    expect(list).toContain('up cancelled: nothing ran');
    expect(stateOf(list, 'create_users')).toBe('pending');
    expect(await tableExists(db, 'public.goose_db_version')).toBe(false);
    expect(await tableExists(db, 'public.users')).toBe(false);
  });

  it('enter (the default answer) cancels too', async () => {
    const ui = await open();
    await ui.press('u', (f) => f.includes('[y/N]'));
    await ui.press(KEY.enter, onList);
    expect(await appliedVersions(db)).toEqual([]);
  });

  it('U applies up to the selected migration', async () => {
    const ui = await open();
    await ui.press('j');
    const plan = await ui.press('U', (f) => f.includes('[y/N]'));
    expect(plan).toContain('up-to 2');
    expect(plan).toContain('Run 2 migrations (up-to)?');
    await ui.press('y', (f) => f.includes('Finished: up-to'));
    expect(await appliedVersions(db)).toEqual([1n, 2n]);
  });

  it('d rolls back one version after y/N', async () => {
    const ui = await open(goodSources(), 4n);
    const plan = await ui.press('d', (f) => f.includes('[y/N]'));
    expect(plan).toContain('1/1  DOWN  00004_');
    expect(plan).toContain('DROP TABLE tags;');
    await ui.press('y', (f) => f.includes('Finished: down'));
    const list = await ui.press('x', (f) => f.includes('version 3 (latest 4)'));
    expect(stateOf(list, 'add_a_rather')).toBe('pending');
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n]);
  });

  it('D past more than one version asks to type the target, then rolls back', async () => {
    const ui = await open(goodSources(), 4n);
    // The selection starts on version 1: roll back everything above it.
    const plan = await ui.press('D', (f) => f.includes('Type 1 and enter'));
    expect(plan).toContain('down-to 1: roll back every version above 1');
    expect(plan).toContain('1/3  DOWN  00004_');
    expect(plan).toContain('Roll back 3 migrations to version 1?');
    // y is not an answer here.
    await ui.press('y', () => true);
    expect(ui.frame()).toContain('Type 1 and enter');
    await ui.press('1', (f) => f.includes('enter: 1_'));
    await ui.press(KEY.enter, (f) => f.includes('Finished: down-to'));
    const list = await ui.press('x', onList);
    expect(list).toContain('version 1 (latest 4)');
    expect(stateOf(list, 'create_users')).toBe('applied');
    expect(stateOf(list, 'create_posts')).toBe('pending');
    expect(await appliedVersions(db)).toEqual([1n]);
  });

  it('a typed target pasted with its enter (one read) works too', async () => {
    const ui = await open(goodSources(), 4n);
    await ui.press('D', (f) => f.includes('Type 1 and enter'));
    await ui.press('1\r', (f) => f.includes('Finished: down-to'));
    expect(await appliedVersions(db)).toEqual([1n]);
  });

  it('a wrong typed target runs nothing', async () => {
    const ui = await open(goodSources(), 4n);
    await ui.press('D', (f) => f.includes('Type 1 and enter'));
    await ui.press('2', (f) => f.includes('enter: 2_'));
    const frame = await ui.press(KEY.enter, (f) => f.includes('Typed 2, not 1: nothing ran'));
    expect(frame).toContain('Type 1 and enter: _');
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n]);
    await ui.press(KEY.escape, onList);
    expect(ui.frame()).toContain('down-to cancelled: nothing ran');
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n]);
  });

  it('r redoes the current version: down then up', async () => {
    const ui = await open(goodSources(), 2n);
    const plan = await ui.press('r', (f) => f.includes('[y/N]'));
    expect(plan).toContain('1/2  DOWN  00002_add_email.sql');
    expect(plan).toContain('2/2  UP  00002_add_email.sql');
    const result = await ui.press('y', (f) => f.includes('Finished: redo'));
    expect(result).toMatch(/\[done\s*\] down 00002_add_email\.sql/);
    expect(result).toMatch(/\[done\s*\] up\s+00002_add_email\.sql/);
    expect(await appliedVersions(db)).toEqual([1n, 2n]);
  });

  it('a failing statement shows file:line and the excerpt, and the screen stays usable', async () => {
    const ui = await open(sourcesWithBroken());
    await ui.press('u', (f) => f.includes('[y/N]'));
    const result = await ui.press('y', (f) => f.includes('Failed: up'));
    expect(result).toContain(`at ${BROKEN_FILE}:4 (up, statement 2 of 2, starts at line 4)`);
    expect(result).toContain('| INSERT INTO no_such_table (id) VALUES (1);');
    expect(result).toMatch(/server: relation "no_such_table" does not exist \(SQLSTATE 42P01\)/);
    expect(result).toContain('the transaction was rolled back');
    expect(result).toMatch(/\[FAILED\s*\] up\s+00005_broken_insert\.sql/);
    expect(result).toContain('hint: fix the statement at');
    const list = await ui.press('x', onList);
    expect(stateOf(list, 'add_a_rather')).toBe('applied');
    // The last attempt failed (and rolled back): said in words, not a bare pending.
    expect(stateOf(list, 'broken_insert')).toBe('failed');
    expect(list).toContain('up stopped:');
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n]);
    expect(await tableExists(db, 'public.audit_notes')).toBe(false);
    // Still usable: history shows the failure, and back again.
    const history = await ui.press('h', (f) => f.includes('History:'));
    expect(history).toMatch(/up\s+5\s+FAILED\s.*00005_broken_insert\.sql/);
    await ui.press(KEY.escape, onList);
  });

  it('u with nothing pending and d at version 0 both say nothing to do, on the list', async () => {
    const ui = await open(goodSources(), 4n);
    const nothing = await ui.press('u', (f) => f.includes('nothing to do'));
    expect(nothing).toContain('up: nothing to do (the database is at version 4)');
    expect(nothing).toContain('VERSION');
    await resetDatabase(db);
    app?.unmount();
    const fresh = await open();
    const down = await fresh.press('d', (f) => f.includes('nothing to do'));
    expect(down).toContain('VERSION');
    expect(down).not.toContain('Error E_NO_CURRENT_VERSION');
    const downTo = await fresh.press('D', (f) => f.includes('down-to: nothing to do'));
    expect(downTo).toContain('VERSION');
  });

});

describe('lint on the plan', () => {
  it('asks the linter only when a plan is made, and shows its counts and findings on that plan', async () => {
    const asked: string[] = [];
    // What @gander/lint reports (its own tests and the e2e through gander tui cover the real linter).
    const lint: LintPlan = async (plan) => {
      asked.push(plan.operation.kind);
      if (plan.steps.some((s) => s.direction === 'down')) return undefined;
      return {
        findings: [{ rule: 'adding-required-column', level: 'error', file: '00001_create_users.sql', line: 2, column: 1, message: 'NOT NULL without DEFAULT' }],
        summary: { errors: 1, warnings: 0, suppressed: 0 },
      };
    };
    const provider = await providerFor(db, goodSources());
    const ui = await renderApp(provider, { lint, columns: 200, rows: 40 });
    app = ui;
    await ui.press('j');
    await ui.press('k');
    // Opening and moving never load the linter.
    expect(asked).toEqual([]);
    const plan = await ui.press('u', (f) => f.includes('[y/N]'));
    expect(asked).toEqual(['up']);
    expect(plan).toContain('Lint: 1 error, 0 warnings: each under its migration below (gander lint)');
    expect(plan).toMatch(/1\. UP\s+00001_create_users\.sql\s+tx\s+1 statement {2}lint: 1 error/);
    expect(plan).toContain('ERROR line 2:1  adding-required-column  NOT NULL without DEFAULT');
    await ui.press('n', onList);
  });
});

describe('the files as they are now', () => {
  it('re-reads the files before every plan: a fixed file is what runs next', async () => {
    let sources = sourcesWithBroken();
    const load = () => providerFor(db, sources);
    app = await renderApp(await load(), { load });
    await app.press('u', (f) => f.includes('[y/N]'));
    await app.press('y', (f) => f.includes('Failed: up'));
    await app.press('x', onList);
    // The user fixes the file while the TUI is open.
    sources = sourcesFromList([
      ...goodSources().map((s) => ({ fileName: s.fileName, content: s.kind === 'sql' ? s.content : '' })),
      { fileName: BROKEN_FILE, content: '-- +goose Up\nCREATE TABLE audit_notes (id bigint PRIMARY KEY);\n\n-- +goose Down\nDROP TABLE audit_notes;\n' },
    ]);
    const plan = await app.press('u', (f) => f.includes('[y/N]'));
    expect(plan).not.toContain('no_such_table');
    await app.press('y', (f) => f.includes('Finished: up'));
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('shows drift on the plan before any answer, and runs it only after allow-drift is typed', async () => {
    let sources = goodSources();
    const load = ({ allowDrift }: { allowDrift: boolean }) => createProvider({ db, sources, envLabel: 'test', allowDrift });
    const first = await load({ allowDrift: false });
    await first.upTo(2n);
    sources = sourcesFromList(goodSources().map((s) => ({ fileName: s.fileName, content: s.kind === 'sql' ? s.content.replace('users (id', 'users (  id') : '' })));
    app = await renderApp(await load({ allowDrift: false }), { load });
    const plan = await app.press('u', (f) => f.includes('allow-drift and enter'));
    expect(plan).toContain('DRIFT: 1 applied migration changed since applied');
    await app.press('y', (f) => f.includes('to run anyway: y_'));
    await app.press(KEY.enter, (f) => f.includes('Typed y, not allow-drift: nothing ran'));
    expect(await appliedVersions(db)).toEqual([1n, 2n]);
    await app.press('allow-drift', (f) => f.includes('anyway: allow-drift_'));
    await app.press(KEY.enter, (f) => f.includes('Finished: up'));
    expect(await appliedVersions(db)).toEqual([1n, 2n, 3n, 4n]);
  });
});

describe('progress from real provider events', () => {
  it('folds a redo (same version down then up) and a failure into the right steps', async () => {
    const provider = await providerFor(db, sourcesWithBroken());
    await provider.upTo(2n);
    const events: ProviderEvent[] = [];
    const off = provider.subscribe((e) => events.push(e));

    const redoPlan = await provider.plan({ kind: 'redo' });
    events.length = 0;
    await provider.redo();
    const redo = events.reduce((p, e) => applyEvent(p, e, 1_000), progressFromPlan(redoPlan));
    expect(redo.steps.map((s) => `${s.direction} ${s.version} ${s.state} ${s.statementsDone}/${s.statementCount}`)).toEqual([
      'down 2 done 2/2',
      'up 2 done 2/2',
    ]);

    const upPlan = await provider.plan({ kind: 'up' });
    events.length = 0;
    await provider.up();
    off();
    const up = events.reduce((p, e) => applyEvent(p, e, 1_000), progressFromPlan(upPlan));
    expect(up.steps.map((s) => `${s.version} ${s.state} ${s.statementsDone}/${s.statementCount}`)).toEqual(['3 done 1/1', '4 done 1/1', '5 failed 1/2']);
    const failed = up.steps[2]!;
    expect(failed.current).toEqual({ index: 2, line: 4, sql: 'INSERT INTO no_such_table (id) VALUES (1);' });
    const lines = progressLines(up, 2_000).map((l) => l.text);
    expect(lines[2]).toMatch(/^\[FAILED\s*\] up\s+00005_broken_insert\.sql\s+1\/2 statements\s+\d+ ms$/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });
});
