import { join } from 'node:path';
import { ganderStatusContestant } from '../contestants/gander-status.js';
import { statusFloorContestant } from '../contestants/status-floor.js';
import { markApplied, markAppliedForDbmate } from '../fixtures/applied-versions.js';
import { loadMigrationSpecs } from '../fixtures/migration-spec.js';
import { writeSmallMigrations } from '../fixtures/small-migrations.js';
import { cliStatusContestants } from '../contestants/cli-status.js';
import { nodeStartReference } from '../contestants/node-start.js';
import { sharedPgBackend } from '../harness/pg-backend.js';
import type { Scenario } from '../harness/types.js';
import { writeDbmateFiles } from '../peers/dbmate-files.js';

const COUNT = 10_000;

/** (c) status with 10,000 migration files, all applied. */
export const status10kScenario: Scenario = {
  id: 'c-status-10k',
  title: `status with ${COUNT.toLocaleString('en-US')} migration files, all applied, embedded PostgreSQL`,
  unit: 's',
  target: [
    { kind: 'value', bound: 0.5, comparison: '<' },
    { kind: 'faster-than', peers: ['dbmate status'], appliesTo: 'gander provider' },
    { kind: 'vs-provider', factor: 1.1, provider: 'gander provider status()', reference: 'node -e 0', processes: 1, appliesTo: 'gander CLI' },
  ],
  needsServer: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('c-status-10k needs the server');
    const dir = await writeSmallMigrations(join(scratch, 'c-status', 'gander'), COUNT);
    const specs = await loadMigrationSpecs(dir);
    const dbmateDir = await writeDbmateFiles(specs, join(scratch, 'c-status', 'dbmate'));
    const database = await server.createDatabase('c_status');
    await markApplied(database.url, specs.map((s) => s.version));
    await markAppliedForDbmate(database.url, specs.map((s) => s.fileName.split('_')[0]!));
    const backend = sharedPgBackend(database);
    return {
      input: `${COUNT} files (CREATE TABLE + INDEX + INSERT each), ${COUNT} versions applied`,
      notes: [
        'The versions are marked applied by inserting goose_db_version rows directly (and dbmate\'s schema_migrations rows), with gander\'s audit table created empty: status only reads these tables. One database serves every run, since status changes nothing.',
        'dbmate status reads its own converted copies of the same 10,000 files.',
      ],
      contestants: [
        statusFloorContestant({ backend, dir, table: 'goose_db_version' }),
        ganderStatusContestant({ backend, dir, expectApplied: COUNT }),
        ...cliStatusContestants(backend, dir, dbmateDir),
        nodeStartReference(),
      ],
      cleanup: () => database.drop(),
    };
  },
};
