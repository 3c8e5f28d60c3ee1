import type { Plan } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { initialState, reducer, selectedRow } from './reducer.js';
import type { MigrationRow } from './rows.js';
import type { Action, TuiState } from './types.js';

function row(version: bigint, name: string, state: MigrationRow['state'] = 'pending'): MigrationRow {
  return { version, name, file: `${String(version).padStart(5, '0')}_${name}.sql`, state, appliedAt: undefined, by: undefined, current: false, noTx: false, failure: undefined };
}

const rows = [row(1n, 'create_users', 'applied'), row(2n, 'add_email'), row(3n, 'create_posts')];

function loaded(): TuiState {
  return reducer(initialState('pglite:memory://'), { type: 'status-loaded', rows, currentVersion: 1n, latestVersion: 3n });
}

function apply(state: TuiState, ...actions: Action[]): TuiState {
  return actions.reduce(reducer, state);
}

const plan = (steps: number, direction: 'up' | 'down' = 'up'): Plan => ({
  operation: direction === 'up' ? { kind: 'up' } : { kind: 'down-to', version: 0n },
  currentVersion: 0n,
  steps: Array.from({ length: steps }, (_, i) => ({
    version: BigInt(i + 1),
    file: `0000${i + 1}_x.sql`,
    path: `0000${i + 1}_x.sql`,
    direction,
    useTx: true,
    statements: [{ sql: 'SELECT 1;', line: 2 }],
    checksum: 'c',
  })),
});

describe('reducer', () => {
  it('moves within the list and stops at both ends', () => {
    let s = loaded();
    expect(selectedRow(s)?.name).toBe('create_users');
    s = apply(s, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(selectedRow(s)?.name).toBe('create_posts');
    s = apply(s, { type: 'move', by: -1_000 });
    expect(selectedRow(s)?.name).toBe('create_users');
  });

  it('keeps the selected version across a status refresh', () => {
    let s = apply(loaded(), { type: 'move', by: 2 });
    s = reducer(s, { type: 'status-loaded', rows: [row(0n, 'first'), ...rows], currentVersion: 3n, latestVersion: 3n });
    expect(selectedRow(s)?.version).toBe(3n);
  });

  it('filters, and moves the selection onto a row that is still shown', () => {
    let s = apply(loaded(), { type: 'filter-open' }, { type: 'filter-type', text: 'post' });
    expect(selectedRow(s)?.name).toBe('create_posts');
    s = apply(s, { type: 'filter-erase' }, { type: 'filter-erase' }, { type: 'filter-erase' }, { type: 'filter-erase' });
    expect(s.filter).toBe('');
    s = apply(s, { type: 'filter-type', text: 'zzz' });
    expect(selectedRow(s)).toBeUndefined();
    s = reducer(s, { type: 'filter-clear' });
    expect(s.screen.kind).toBe('list');
    expect(selectedRow(s)).toBeDefined();
  });

  it('drops an answer the user walked away from', () => {
    let s = apply(loaded(), { type: 'loading', request: 1, what: 'planning' }, { type: 'back' });
    s = reducer(s, { type: 'plan-loaded', request: 1, plan: plan(1), drift: [] });
    expect(s.screen.kind).toBe('list');
    s = apply(s, { type: 'loading', request: 2, what: 'planning' }, { type: 'plan-loaded', request: 1, plan: plan(1), drift: [] });
    expect(s.screen.kind).toBe('loading');
    s = reducer(s, { type: 'plan-loaded', request: 2, plan: plan(2), drift: [] });
    expect(s.screen.kind).toBe('plan');
  });

  it('asks y/N for one roll back step, and for the typed target past one', () => {
    const one = apply(loaded(), { type: 'loading', request: 1, what: '' }, { type: 'plan-loaded', request: 1, plan: plan(1, 'down'), drift: [] });
    expect(one.screen.kind === 'plan' && one.screen.confirm.kind).toBe('yes-no');
    let s = apply(loaded(), { type: 'loading', request: 1, what: '' }, { type: 'plan-loaded', request: 1, plan: plan(3, 'down'), drift: [] });
    expect(s.screen.kind === 'plan' && s.screen.confirm).toEqual({ kind: 'typed', target: '0', typed: '', mismatch: undefined, reason: 'rollback' });
    s = apply(s, { type: 'typed-key', text: '1' }, { type: 'typed-key', text: '2' }, { type: 'typed-erase' }, { type: 'typed-mismatch' });
    expect(s.screen.kind === 'plan' && s.screen.confirm).toEqual({ kind: 'typed', target: '0', typed: '', mismatch: '1', reason: 'rollback' });
  });

  it('cancelling a plan says nothing ran', () => {
    const s = apply(loaded(), { type: 'loading', request: 1, what: '' }, { type: 'plan-loaded', request: 1, plan: plan(2), drift: [] }, { type: 'back' });
    expect(s.screen.kind).toBe('list');
    expect(s.notice?.text).toBe('up cancelled: nothing ran');
  });

  it('q while running stops after the running migration, shows what did not run, then quits on a key', () => {
    const planned = plan(2);
    let s = apply(loaded(), { type: 'run-started', plan: planned, at: 0 }, { type: 'quit' });
    expect(s.quitting).toBe(false);
    expect(s.quitAfterRun).toBe(true);
    expect(s.notice?.text).toBe('stopping after the running migration; the rest will not run');
    // Nothing leaves the progress screen while it runs.
    s = reducer(s, { type: 'back' });
    expect(s.screen.kind).toBe('running');
    const outcome = {
      operation: 'up',
      error: undefined,
      ran: [{ direction: 'up' as const, file: planned.steps[0]!.file, version: 1n }],
      currentVersion: 1n,
      applied: 1,
      rolledBack: 0,
      notRun: planned.steps.slice(1),
      interrupted: true,
      durationMs: 5,
    };
    s = reducer(s, { type: 'run-finished', outcome });
    // The outcome is on screen first; the process is told the run was cut short.
    expect(s.quitting).toBe(false);
    expect(s.interrupted).toBe(true);
    expect(s.screen.kind).toBe('result');
    expect(s.notice?.text).toBe('up stopped by you: 1 migration applied, 1 migration not run; the database is at version 1');
    s = reducer(s, { type: 'back' });
    expect(s.quitting).toBe(true);
  });

  it('says what redo did in words, not a count of migrations', () => {
    const s = apply(loaded(), { type: 'run-started', plan: plan(2), at: 0 });
    const done = reducer(s, {
      type: 'run-finished',
      outcome: { operation: 'redo', error: undefined, ran: [], currentVersion: 1n, applied: 1, rolledBack: 1, notRun: [], interrupted: false, durationMs: 5 },
    });
    expect(done.notice?.text).toBe('up: 1 migration rolled back, 1 migration applied; the database is at version 1');
  });

  it('q elsewhere quits at once', () => {
    expect(reducer(loaded(), { type: 'quit' }).quitting).toBe(true);
  });

  it('keeps scrolling inside the content', () => {
    let s = apply(loaded(), { type: 'resized', size: { columns: 80, rows: 10 } }, { type: 'loading', request: 1, what: '' }, { type: 'plan-loaded', request: 1, plan: plan(6), drift: [] });
    s = reducer(s, { type: 'scroll', by: 1_000 });
    const lines = 2 + 1 + 6 + 1 + 6 * 5; // what the operation does and a blank, the summary (title, a line per step, a blank), then per step: title, mode line, [1], the SQL, a blank
    expect(s.screen.kind === 'plan' && s.screen.scroll).toBe(lines - (10 - 1 - 3));
    s = reducer(s, { type: 'scroll', by: -1_000 });
    expect(s.screen.kind === 'plan' && s.screen.scroll).toBe(0);
  });
});
