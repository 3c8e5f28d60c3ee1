import type { Plan } from '@gander/core';
import type { Confirm, DriftNote } from './types.js';

/** What to type to run over drifted files: the CLI flag's name, so the two read the same. */
export const ALLOW_DRIFT_WORD = 'allow-drift';

/**
 * Rolling back more than one version is the move that loses the most data,
 * so it asks for the target version to be typed; running over files that
 * changed since they were applied asks for `allow-drift`; everything else is y/N.
 */
export function confirmFor(plan: Plan, drift: readonly DriftNote[], driftAllowed: boolean): Confirm {
  if (drift.length > 0 && !driftAllowed && plan.steps.length > 0) {
    return { kind: 'typed', target: ALLOW_DRIFT_WORD, typed: '', mismatch: undefined, reason: 'drift' };
  }
  const downs = plan.steps.filter((s) => s.direction === 'down').length;
  if (downs <= 1) return { kind: 'yes-no' };
  const op = plan.operation;
  const target = op.kind === 'down-to' ? op.version : 0n;
  return { kind: 'typed', target: String(target), typed: '', mismatch: undefined, reason: 'rollback' };
}

export function typedMatches(confirm: Confirm): boolean {
  return confirm.kind === 'typed' && confirm.typed.trim() === confirm.target;
}
