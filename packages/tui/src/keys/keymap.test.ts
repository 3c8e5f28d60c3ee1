import type { Plan } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../state/reducer.js';
import type { DriftNote, TuiState } from '../state/types.js';
import { keyIntent } from './keymap.js';

const list: TuiState = reducer(initialState('t'), {
  type: 'status-loaded',
  rows: [
    { version: 1n, name: 'a', file: '00001_a.sql', state: 'applied', appliedAt: undefined, by: undefined, current: false, noTx: false, failure: undefined },
    { version: 2n, name: 'b', file: '00002_b.sql', state: 'pending', appliedAt: undefined, by: undefined, current: false, noTx: false, failure: undefined },
  ],
  currentVersion: 1n,
  latestVersion: 2n,
});

const downPlan: Plan = {
  operation: { kind: 'down-to', version: 0n },
  currentVersion: 2n,
  steps: [2n, 1n].map((version) => ({ version, file: 'f', path: 'f', direction: 'down' as const, useTx: true, statements: [], checksum: 'c' })),
};

function onPlan(plan: Plan): TuiState {
  return [
    { type: 'loading', request: 1, what: '' } as const,
    { type: 'plan-loaded', request: 1, plan, drift: [] as DriftNote[] } as const,
  ].reduce(reducer, list);
}

describe('keyIntent', () => {
  it('maps the list keys to moves, plans and screens', () => {
    expect(keyIntent(list, 'j', {})).toEqual({ type: 'dispatch', action: { type: 'move', by: 1 } });
    expect(keyIntent(list, '', { downArrow: true })).toEqual({ type: 'dispatch', action: { type: 'move', by: 1 } });
    expect(keyIntent(list, 'k', {})).toEqual({ type: 'dispatch', action: { type: 'move', by: -1 } });
    expect(keyIntent(list, 'u', {})).toEqual({ type: 'plan', operation: { kind: 'up' } });
    expect(keyIntent(list, 'U', { shift: true })).toEqual({ type: 'plan', operation: { kind: 'up-to', version: 1n } });
    expect(keyIntent(list, 'd', {})).toEqual({ type: 'plan', operation: { kind: 'down' } });
    expect(keyIntent(list, 'D', { shift: true })).toEqual({ type: 'plan', operation: { kind: 'down-to', version: 1n } });
    expect(keyIntent(list, 'r', {})).toEqual({ type: 'plan', operation: { kind: 'redo' } });
    expect(keyIntent(list, '', { return: true })).toEqual({ type: 'statements', version: 1n });
    expect(keyIntent(list, 'h', {})).toEqual({ type: 'history' });
    expect(keyIntent(list, '?', {})).toEqual({ type: 'dispatch', action: { type: 'show-help' } });
    expect(keyIntent(list, '/', {})).toEqual({ type: 'dispatch', action: { type: 'filter-open' } });
    expect(keyIntent(list, 'q', {})).toEqual({ type: 'dispatch', action: { type: 'quit' } });
    expect(keyIntent(list, 'c', { ctrl: true })).toEqual({ type: 'dispatch', action: { type: 'quit' } });
    expect(keyIntent(list, 'x', {})).toBeUndefined();
  });

  it('in the filter, letters are text, not commands', () => {
    const filtering = reducer(list, { type: 'filter-open' });
    expect(keyIntent(filtering, 'q', {})).toEqual({ type: 'dispatch', action: { type: 'filter-type', text: 'q' } });
    expect(keyIntent(filtering, '', { delete: true })).toEqual({ type: 'dispatch', action: { type: 'filter-erase' } });
    expect(keyIntent(filtering, '', { escape: true })).toEqual({ type: 'dispatch', action: { type: 'filter-clear' } });
  });

  it('a y/N plan runs on y only', () => {
    const plan = { ...downPlan, steps: downPlan.steps.slice(0, 1) };
    const s = onPlan(plan);
    expect(keyIntent(s, 'y', {})).toEqual({ type: 'run', plan, allowDrift: false });
    for (const [input, key] of [['n', {}], ['', { return: true }], ['', { escape: true }], ['q', {}]] as const) {
      expect(keyIntent(s, input, key)).toEqual({ type: 'dispatch', action: { type: 'back' } });
    }
  });

  it('a typed plan runs only when the typed version matches', () => {
    let s = onPlan(downPlan);
    expect(keyIntent(s, 'y', {})).toBeUndefined();
    expect(keyIntent(s, '', { return: true })).toEqual({ type: 'dispatch', action: { type: 'typed-mismatch' } });
    s = reducer(s, { type: 'typed-key', text: '0' });
    expect(keyIntent(s, '', { return: true })).toEqual({ type: 'run', plan: downPlan, allowDrift: false });
    // j/k are not scroll keys while typing; arrows are.
    expect(keyIntent(s, 'j', {})).toBeUndefined();
    expect(keyIntent(s, '', { downArrow: true })).toEqual({ type: 'dispatch', action: { type: 'scroll', by: 1 } });
  });

  it('while running, only quit is heard', () => {
    const s = reducer(list, { type: 'run-started', plan: downPlan, at: 0 });
    expect(keyIntent(s, 'u', {})).toBeUndefined();
    expect(keyIntent(s, '', { escape: true })).toBeUndefined();
    expect(keyIntent(s, 'q', {})).toEqual({ type: 'dispatch', action: { type: 'quit' } });
  });
});
