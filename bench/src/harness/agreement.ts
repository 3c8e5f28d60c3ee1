import type { Measurement } from './types.js';

/**
 * The first fingerprints seen in a scenario are the reference; a later
 * measurement whose schema differs after some phase ran different statements
 * (or none), so its time means nothing. Returns why, or undefined.
 */
export function disagreement(reference: Measurement['fingerprints'], measured: Measurement['fingerprints']): string | undefined {
  if (!reference || !measured) return undefined;
  for (const [phase, expected] of Object.entries(reference)) {
    const actual = measured[phase];
    if (actual !== undefined && actual !== expected) return `schema after ${phase} is ${actual}, the first contestant left ${expected}`;
  }
  return undefined;
}
