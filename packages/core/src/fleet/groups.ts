import { GanderError } from '../errors.js';
import type { FleetTarget } from './types.js';

export const DEFAULT_GROUP = 'default';

/**
 * The groups in the order they run: the ones named in `order` first (as
 * named), then the rest in order of first appearance among the targets. A
 * named group without targets is an error: a typo must not skip the canary.
 */
export function orderGroups(targets: readonly FleetTarget[], order: readonly string[] = []): string[] {
  const present: string[] = [];
  for (const t of targets) {
    const group = t.group ?? DEFAULT_GROUP;
    if (!present.includes(group)) present.push(group);
  }
  const unknown = order.filter((g) => !present.includes(g));
  if (unknown.length > 0 && targets.length > 0) {
    throw new GanderError('E_INVALID_OPTION', `group order names ${unknown.join(', ')}, which no target belongs to`, {
      hint: `the targets' groups are: ${present.join(', ')}`,
    });
  }
  return [...order.filter((g, i) => order.indexOf(g) === i), ...present.filter((g) => !order.includes(g))];
}

/** Target names must be unique: reports, shards and --only-failed refer to targets by name. */
export function assertUniqueNames(targets: readonly FleetTarget[]): void {
  const seen = new Set<string>();
  for (const [i, t] of targets.entries()) {
    if (typeof t.name !== 'string' || t.name.trim() === '') {
      throw new GanderError('E_INVALID_OPTION', `target ${i + 1} has no name`, { hint: 'give every target a unique name' });
    }
    if (seen.has(t.name)) {
      throw new GanderError('E_INVALID_OPTION', `two targets are named ${JSON.stringify(t.name)}`, {
        hint: 'give every target a unique name: reports, shards and --only-failed refer to targets by name',
      });
    }
    seen.add(t.name);
  }
}
