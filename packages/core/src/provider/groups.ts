import type { PlannedMigration } from './types.js';

/**
 * Single-transaction runs: consecutive transactional migrations share a group
 * (one transaction); each NO TRANSACTION migration is a group of its own,
 * since PostgreSQL cannot run it inside a transaction block. Groups are
 * numbered from 1 in run order.
 */
export function assignGroups(steps: readonly PlannedMigration[]): PlannedMigration[] {
  let group = 0;
  let previousTx = false;
  return steps.map((step, index) => {
    if (index === 0 || !step.useTx || !previousTx) group++;
    previousTx = step.useTx;
    return { ...step, group };
  });
}

/** The steps of a grouped plan, one array per group, in order. */
export function splitGroups(steps: readonly PlannedMigration[]): PlannedMigration[][] {
  const groups: PlannedMigration[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && last[0]!.group === step.group) last.push(step);
    else groups.push([step]);
  }
  return groups;
}
