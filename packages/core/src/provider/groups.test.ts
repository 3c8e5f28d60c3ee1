import { describe, expect, it } from 'vitest';
import { assignGroups, splitGroups } from './groups.js';
import type { PlannedMigration } from './types.js';

const step = (version: number, useTx: boolean): PlannedMigration => ({
  version: BigInt(version),
  file: `${version}_m.sql`,
  path: `${version}_m.sql`,
  direction: 'up',
  useTx,
  statements: [],
  checksum: '',
});

describe('single-transaction groups', () => {
  it('puts consecutive transactional migrations in one group and each NO TRANSACTION file in its own', () => {
    const grouped = assignGroups([step(1, true), step(2, true), step(3, false), step(4, true), step(5, false), step(6, false), step(7, true)]);
    expect(grouped.map((s) => s.group)).toEqual([1, 1, 2, 3, 4, 5, 6]);
    expect(splitGroups(grouped).map((g) => g.map((s) => Number(s.version)))).toEqual([[1, 2], [3], [4], [5], [6], [7]]);
  });

  it('is one group when nothing is NO TRANSACTION', () => {
    expect(assignGroups([step(1, true), step(2, true), step(3, true)]).map((s) => s.group)).toEqual([1, 1, 1]);
  });

  it('starts with a NO TRANSACTION file as group 1', () => {
    expect(assignGroups([step(1, false), step(2, true), step(3, true)]).map((s) => s.group)).toEqual([1, 2, 2]);
  });
});
