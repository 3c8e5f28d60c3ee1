import type { Plan, PlanOperation } from '@gander/core';
import type { Action } from '../state/types.js';

/**
 * What a key asks for. Most keys only change state (`dispatch`); the others
 * need the provider, and `useTui` carries them out.
 */
export type Intent =
  | { type: 'dispatch'; action: Action }
  | { type: 'plan'; operation: PlanOperation }
  /** allowDrift: the user typed allow-drift on this plan; run it on a provider that allows drift. */
  | { type: 'run'; plan: Plan; allowDrift: boolean }
  /** Re-read the migration files and the database's state. */
  | { type: 'refresh' }
  | { type: 'statements'; version: bigint }
  | { type: 'history' };

export function dispatch(action: Action): Intent {
  return { type: 'dispatch', action };
}
