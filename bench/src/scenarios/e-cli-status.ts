import { join } from 'node:path';
import { createProvider, pgDatabase } from '@gander/core';
import { ganderStatusContestant } from '../contestants/gander-status.js';
import { nodeStartFloor } from '../contestants/node-start.js';
import { markAppliedForDbmate } from '../fixtures/applied-versions.js';
import { copyDataStorage, PGVECTOR_FREE_PREFIX } from '../fixtures/data-storage.js';
import { loadMigrationSpecs } from '../fixtures/migration-spec.js';
import { cliStatusContestants } from '../contestants/cli-status.js';
import { sharedPgBackend } from '../harness/pg-backend.js';
import type { Scenario } from '../harness/types.js';
import { writeDbmateFiles } from '../peers/dbmate-files.js';

/** Apply the migrations with gander's provider, so the database is up to date the way a user's would be. */
async function migrate(url: string, dir: string): Promise<void> {
  const db = await pgDatabase(url);
  try {
    const result = await (await createProvider({ db, dir, env: {} })).up();
    if (result.error) throw result.error;
  } finally {
    await db.close();
  }
}

/** (e) CLI cold start doing real work: `status` on an up-to-date database. */
export const cliStatusScenario: Scenario = {
  id: 'e-cli-status',
  title: 'CLI cold start: status on an up-to-date database (001–004), embedded PostgreSQL',
  unit: 'ms',
  target: [
    { kind: 'vs-reference', max: 2, reference: 'node -e 0', appliesTo: 'gander CLI' },
    { kind: 'vs-provider', factor: 1.1, provider: 'gander provider status()', reference: 'node -e 0', processes: 1, appliesTo: 'gander CLI' },
  ],
  // CI (BENCH_CI=1): a regression bound, not the goal. Loading Ink, PGlite or the linter on this path
  // adds several Node starts (Ink: 7×); today's CLI measures 2.0×–3.0× (higher on a quiet machine, where
  // `node -e 0` is quicker), so this catches that without flaking.
  ciTarget: { kind: 'vs-reference', max: 5, reference: 'node -e 0', appliesTo: 'gander CLI' },
  needsServer: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('e-cli-status needs the server');
    const keep = (version: bigint) => version <= PGVECTOR_FREE_PREFIX;
    const dir = await copyDataStorage(join(scratch, 'e-cli-status', 'gander'), keep);
    const specs = await loadMigrationSpecs(dir);
    const dbmateDir = await writeDbmateFiles(specs, join(scratch, 'e-cli-status', 'dbmate'));
    const database = await server.createDatabase('e_cli_status');
    await migrate(database.url, dir);
    await markAppliedForDbmate(database.url, specs.map((s) => s.fileName.split('_')[0]!));
    const backend = sharedPgBackend(database);
    return {
      input: `${specs.length} migrations applied by gander; dbmate's table marks the same versions applied`,
      notes: [
        'The ratio to `node -e 0` is what connecting, reading the files and the version table, and printing cost on top of starting Node; the in-process provider (connect, collect, status(), close) is what the CLI does once Node has started.',
      ],
      contestants: [
        nodeStartFloor(),
        ganderStatusContestant({ backend, dir, expectApplied: specs.length }),
        ...cliStatusContestants(backend, dir, dbmateDir),
      ],
      cleanup: () => database.drop(),
    };
  },
};
