import { coldContestant } from './cold.js';
import type { Contestant } from '../harness/types.js';

/** The floor for any Node CLI: starting Node and doing nothing. */
export function nodeStartFloor(): Contestant {
  return coldContestant({
    name: 'node -e 0',
    role: 'floor',
    phases: [{ phase: 'start', commands: () => [{ command: process.execPath, args: ['-e', '0'] }] }],
  });
}

/**
 * The same `node -e 0`, measured beside a database scenario's contestants (not
 * its floor): the CLI's targets allow one Node start per process it spawns.
 */
export function nodeStartReference(): Contestant {
  return { ...nodeStartFloor(), role: 'reference' };
}
