import { join } from 'node:path';
import { floorContestant } from '../contestants/floor.js';
import { ganderProviderContestant } from '../contestants/gander-provider.js';
import { copyDataStorage } from '../fixtures/data-storage.js';
import { floorBatches } from '../fixtures/floor-batches.js';
import { loadMigrationSpecs } from '../fixtures/migration-spec.js';
import { pgliteBackend } from '../harness/pglite-backend.js';
import type { Scenario } from '../harness/types.js';

/** (a2) The full 001–012 with pgvector, where it can run: PGlite. gander in-process against the floor only. */
export const schemaPgliteScenario: Scenario = {
  id: 'a2-schema-pglite',
  title: 'Data Storage schema 001–012 (with pgvector), up from 0 then down to 0, PGlite',
  unit: 's',
  target: { kind: 'ratio', max: 1.15 },
  needsServer: false,
  async prepare({ scratch }) {
    const dir = await copyDataStorage(join(scratch, 'a2-schema-pglite'), () => true);
    const specs = await loadMigrationSpecs(dir);
    const backend = pgliteBackend();
    const noTx = specs.filter((s) => !s.useTx).map((s) => s.fileName);
    return {
      input: `${specs.length} migrations, ${specs.reduce((n, s) => n + s.up.length + s.down.length, 0)} statements up + down, a new in-memory PGlite per run`,
      notes: [
        'Reported separately from a-schema: PGlite is single-connection WASM, so the times do not compare with the server\'s.',
        `The floor sends the statements through PGlite's exec, merged into one transaction per direction except ${noTx.join(', ') || 'none'} (NO TRANSACTION: CREATE INDEX CONCURRENTLY refuses a transaction), whose statements run on their own.`,
        'Peers (dbmate, node-pg-migrate, psql) need a server and cannot talk to PGlite; PGlite start-up is not timed.',
      ],
      contestants: [
        floorContestant({
          name: 'PGlite exec, one transaction',
          backend,
          phases: [
            { phase: 'up', batches: floorBatches(specs, 'up') },
            { phase: 'down', batches: floorBatches(specs, 'down') },
          ],
        }),
        ganderProviderContestant({ name: 'gander provider', backend, dir, down: true }),
      ],
    };
  },
};
