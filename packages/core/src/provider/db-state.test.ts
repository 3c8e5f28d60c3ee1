import { describe, expect, it } from 'vitest';
import { dbStateFromRows } from './db-state.js';

const row = (id: number, version: number, isApplied = true) => ({
  id: BigInt(id),
  version: BigInt(version),
  isApplied,
  appliedAt: `2024-01-0${id}T00:00:00.000000`,
});

describe('dbStateFromRows', () => {
  it('is version 0 with only the initial row, and with no table', () => {
    expect(dbStateFromRows([row(1, 0)])).toMatchObject({ current: 0n, max: 0n, appliedOrder: [] });
    expect(dbStateFromRows([])).toMatchObject({ current: 0n, max: 0n, appliedOrder: [] });
  });

  it('takes the newest applied row as current, as goose’s CLI does, even after an out-of-order apply', () => {
    const state = dbStateFromRows([row(4, 2), row(3, 3), row(2, 1), row(1, 0)]);
    expect(state.current).toBe(2n);
    expect(state.max).toBe(3n);
    expect(state.appliedOrder).toEqual([2n, 3n, 1n]);
  });

  it('lets the newest row of a version decide (old goose wrote is_applied=false rows on down)', () => {
    const state = dbStateFromRows([row(4, 2, false), row(3, 2), row(2, 1), row(1, 0)]);
    expect(state.applied.has(2n)).toBe(false);
    expect(state.current).toBe(1n);
  });

  it('keeps versions beyond 2^53 exact', () => {
    const big = { ...row(2, 0), version: 9007199254740993n };
    expect(dbStateFromRows([big, row(1, 0)]).current).toBe(9007199254740993n);
  });
});
