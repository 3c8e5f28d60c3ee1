import type { Plan } from '@gander/core';
import type { Confirm } from './types.js';

/**
 * Rolling back more than one version is the one move that loses the most
 * data, so it asks for the target version to be typed; everything else is y/N.
 */
export function confirmFor(plan: Plan): Confirm {
  const downs = plan.steps.filter((s) => s.direction === 'down').length;
  if (downs <= 1) return { kind: 'yes-no' };
  const op = plan.operation;
  const target = op.kind === 'down-to' ? op.version : 0n;
  return { kind: 'typed', target, typed: '', mismatch: undefined };
}

export function typedMatches(confirm: Confirm): boolean {
  return confirm.kind === 'typed' && confirm.typed.trim() === String(confirm.target);
}
