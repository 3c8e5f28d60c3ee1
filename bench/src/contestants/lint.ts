import type { Contestant } from '../harness/types.js';
import { findGanderCli } from '../peers/gander-cli.js';
import { findSquawk, squawkCommand } from '../peers/squawk.js';
import { coldContestant } from './cold.js';

/** `gander lint ARGS…` as a cold process; `okExitCodes` says which answers count (1: it found something). */
export function ganderLintContestant(name: string, args: readonly string[], options: { okExitCodes: number[]; env?: Record<string, string> }): Contestant {
  const cli = findGanderCli();
  return coldContestant({
    name,
    role: 'gander',
    ...(cli.skip ? { skip: cli.skip } : {}),
    phases: [
      {
        phase: 'lint',
        commands: () => [{ command: process.execPath, args: [cli.path ?? '', 'lint', ...args], ...(options.env ? { env: options.env } : {}), okExitCodes: options.okExitCodes }],
      },
    ],
  });
}

/** squawk's Rust binary on `target` (a file, or a glob squawk expands itself), beside gander lint. */
export function squawkContestant(target: string, okExitCodes?: number[]): Contestant {
  const squawk = findSquawk();
  return coldContestant({
    name: 'squawk 2.66',
    role: 'peer',
    ...(squawk.skip ? { skip: squawk.skip } : {}),
    phases: [{ phase: 'lint', commands: () => [squawkCommand(squawk.path ?? '', target, okExitCodes)] }],
  });
}
