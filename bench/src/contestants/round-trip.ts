import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { floorBatches, psqlScript } from '../fixtures/floor-batches.js';
import type { MigrationSpec } from '../fixtures/migration-spec.js';
import type { Backend } from '../harness/backend.js';
import type { Contestant } from '../harness/types.js';
import { dbmateCommand, findDbmate } from '../peers/dbmate.js';
import { writeDbmateFiles } from '../peers/dbmate-files.js';
import { findGanderCli, ganderCliCommand } from '../peers/gander-cli.js';
import { findGoose, gooseCommand } from '../peers/goose.js';
import { findNodePgMigrate, nodePgMigrateCommand } from '../peers/node-pg-migrate.js';
import { writeNodePgMigrateFiles } from '../peers/node-pg-migrate-files.js';
import { findPsql, psqlCommand } from '../peers/psql.js';
import { coldContestant, type ColdPhase } from './cold.js';
import { floorContestant } from './floor.js';
import { ganderProviderContestant } from './gander-provider.js';
import { nodeStartReference } from './node-start.js';

export interface RoundTripInput {
  backend: Backend;
  /** The gander (goose-format) migrations. */
  dir: string;
  /** The same migrations parsed: the source of every other contestant's files. */
  specs: readonly MigrationSpec[];
  /** Where the peers' files are written. */
  scratch: string;
  /** Also roll everything back (down to 0) after up. */
  down: boolean;
}

function phases(up: ColdPhase['commands'], down: ColdPhase['commands'] | undefined): ColdPhase[] {
  return down ? [{ phase: 'up', commands: up }, { phase: 'down', commands: down }] : [{ phase: 'up', commands: up }];
}

/**
 * Every contestant of an "apply these migrations" scenario on a real server:
 * the floor (pg client, psql), gander in-process and as a CLI, goose (the same
 * files), dbmate and node-pg-migrate, each given the same statements in its own file format.
 */
export async function roundTripContestants(input: RoundTripInput): Promise<Contestant[]> {
  const { backend, dir, specs, scratch, down } = input;
  const count = specs.length;
  const psql = findPsql();
  const psqlUp = join(scratch, 'psql-up.sql');
  const psqlDown = join(scratch, 'psql-down.sql');
  await writeFile(psqlUp, psqlScript(specs, 'up'));
  await writeFile(psqlDown, psqlScript(specs, 'down'));
  const cli = findGanderCli();
  // dbmate sends a section as one multi-statement query, which PostgreSQL runs as one implicit
  // transaction: a NO TRANSACTION section of several statements (CREATE INDEX CONCURRENTLY) fails there.
  const noTxMany = specs.find((spec) => !spec.useTx && Math.max(spec.up.length, spec.down.length) > 1);
  const dbmate = noTxMany
    ? { skip: `${noTxMany.fileName} is NO TRANSACTION with several statements; dbmate sends them as one query, an implicit transaction that CREATE INDEX CONCURRENTLY refuses` }
    : findDbmate();
  const goose = findGoose();
  const dbmateDir = noTxMany ? '' : await writeDbmateFiles(specs, join(scratch, 'dbmate'));
  // node-pg-migrate's SQL files cannot say "no transaction" (only its JS migrations can): a set with a
  // NO TRANSACTION file (Data Storage 010) is one it cannot run as written.
  const noTx = specs.find((spec) => !spec.useTx);
  const npm = noTx ? { skip: `${noTx.fileName} is NO TRANSACTION, which node-pg-migrate's SQL files cannot express` } : findNodePgMigrate();
  const npmDir = noTx ? '' : await writeNodePgMigrateFiles(specs, join(scratch, 'node-pg-migrate'));

  return [
    floorContestant({
      name: 'pg client, one transaction',
      backend,
      phases: down
        ? [
            { phase: 'up', batches: floorBatches(specs, 'up') },
            { phase: 'down', batches: floorBatches(specs, 'down') },
          ]
        : [{ phase: 'up', batches: floorBatches(specs, 'up') }],
    }),
    coldContestant({
      name: 'psql -f',
      role: 'floor',
      backend,
      fingerprint: true,
      ...(psql.skip ? { skip: psql.skip } : {}),
      phases: phases(
        (url) => [psqlCommand(psql.path ?? 'psql', url, psqlUp)],
        down ? (url) => [psqlCommand(psql.path ?? 'psql', url, psqlDown)] : undefined,
      ),
    }),
    ganderProviderContestant({ name: 'gander provider', backend, dir, down }),
    coldContestant({
      name: 'gander CLI',
      role: 'gander',
      backend,
      fingerprint: true,
      ...(cli.skip ? { skip: cli.skip } : {}),
      phases: phases(
        (url) => [ganderCliCommand(cli.path ?? '', dir, url, ['up'])],
        down ? (url) => [ganderCliCommand(cli.path ?? '', dir, url, ['down-to', '0'])] : undefined,
      ),
    }),
    coldContestant({
      name: 'goose',
      role: 'peer',
      backend,
      fingerprint: true,
      ...(goose.skip ? { skip: goose.skip } : {}),
      phases: phases(
        (url) => [gooseCommand(goose.path ?? '', dir, url, ['up'])],
        down ? (url) => [gooseCommand(goose.path ?? '', dir, url, ['down-to', '0'])] : undefined,
      ),
    }),
    coldContestant({
      name: 'dbmate',
      role: 'peer',
      backend,
      fingerprint: true,
      ...(dbmate.skip ? { skip: dbmate.skip } : {}),
      phases: phases(
        (url) => [dbmateCommand(dbmate.path ?? '', url, dbmateDir, 'up')],
        // dbmate rolls back one migration per call and has no "down to 0": one call per migration, as a user would.
        down ? (url) => Array.from({ length: count }, () => dbmateCommand(dbmate.path ?? '', url, dbmateDir, 'rollback')) : undefined,
      ),
    }),
    coldContestant({
      name: 'node-pg-migrate',
      role: 'peer',
      backend,
      fingerprint: true,
      ...(npm.skip ? { skip: npm.skip } : {}),
      phases: phases(
        (url) => [nodePgMigrateCommand(npm.path ?? '', url, npmDir, ['up'])],
        down ? (url) => [nodePgMigrateCommand(npm.path ?? '', url, npmDir, ['down', String(count)])] : undefined,
      ),
    }),
    // Not a floor: the CLI's target allows one Node start per process (up, down).
    nodeStartReference(),
  ];
}
