import { plural } from './plural.js';

/** `1 applied`, `1 rolled back, 1 applied` (redo), `nothing ran`. */
export function ranWords(outcome: { applied: number; rolledBack: number }): string {
  const parts: string[] = [];
  if (outcome.rolledBack > 0) parts.push(`${plural(outcome.rolledBack, 'migration')} rolled back`);
  if (outcome.applied > 0) parts.push(`${plural(outcome.applied, 'migration')} applied`);
  return parts.length === 0 ? 'nothing ran' : parts.join(', ');
}
