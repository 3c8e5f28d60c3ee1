import type { Backend } from '../harness/backend.js';
import type { Contestant } from '../harness/types.js';
import { dbmateCommand, findDbmate } from '../peers/dbmate.js';
import { findGanderCli, ganderCliCommand } from '../peers/gander-cli.js';
import { findGoose, gooseCommand } from '../peers/goose.js';
import { coldContestant } from './cold.js';

/** `gander status`, `goose status` (same files, same table) and `dbmate status` as cold processes on one up-to-date database: scenarios c and e. */
export function cliStatusContestants(backend: Backend, ganderDir: string, dbmateDir: string): Contestant[] {
  const cli = findGanderCli();
  const dbmate = findDbmate();
  const goose = findGoose();
  return [
    coldContestant({
      name: 'gander CLI status',
      role: 'gander',
      backend,
      ...(cli.skip ? { skip: cli.skip } : {}),
      phases: [{ phase: 'status', commands: (url) => [ganderCliCommand(cli.path ?? '', ganderDir, url, ['status'])] }],
    }),
    coldContestant({
      name: 'goose status',
      role: 'peer',
      backend,
      ...(goose.skip ? { skip: goose.skip } : {}),
      phases: [{ phase: 'status', commands: (url) => [gooseCommand(goose.path ?? '', ganderDir, url, ['status'])] }],
    }),
    coldContestant({
      name: 'dbmate status',
      role: 'peer',
      backend,
      ...(dbmate.skip ? { skip: dbmate.skip } : {}),
      phases: [{ phase: 'status', commands: (url) => [dbmateCommand(dbmate.path ?? '', url, dbmateDir, 'status')] }],
    }),
  ];
}
