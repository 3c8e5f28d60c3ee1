import { describe, expect, it } from 'vitest';
import type { Plan, PlannedMigration } from '@gander/core';
import { planLines } from './plan-lines.js';

const step = (version: number, useTx: boolean, group?: number): PlannedMigration => ({
  version: BigInt(version),
  file: `0000${version}_m.sql`,
  path: `0000${version}_m.sql`,
  direction: 'up',
  useTx,
  statements: [{ sql: 'SELECT 1;', line: 2 }],
  checksum: '',
  ...(group === undefined ? {} : { group }),
});

describe('plan lines for a single-transaction run', () => {
  it('heads each group and says which are atomic', () => {
    const plan: Plan = {
      operation: { kind: 'up' },
      currentVersion: 0n,
      singleTransaction: true,
      steps: [step(1, true, 1), step(2, true, 1), step(3, false, 2), step(4, true, 3)],
    };
    const texts = planLines(plan).map((l) => l.text);
    expect(texts.filter((t) => t.startsWith('Group '))).toEqual([
      'Group 1: 2 migrations in one transaction, all or nothing',
      'Group 2: NO TRANSACTION, on its own',
      'Group 3: 1 migration in one transaction, all or nothing',
    ]);
    expect(texts).toContain("     version 2, in group 1's transaction, 1 statement");
  });

  it('shows no groups for an ordinary run', () => {
    const plan: Plan = { operation: { kind: 'up' }, currentVersion: 0n, steps: [step(1, true), step(2, false)] };
    expect(planLines(plan).some((l) => l.text.startsWith('Group '))).toBe(false);
  });
});
