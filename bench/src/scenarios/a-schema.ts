import { join } from 'node:path';
import { roundTripContestants } from '../contestants/round-trip.js';
import { copyDataStorage, PGVECTOR_FREE_PREFIX } from '../fixtures/data-storage.js';
import { loadMigrationSpecs } from '../fixtures/migration-spec.js';
import { pgBackend } from '../harness/pg-backend.js';
import type { Scenario } from '../harness/types.js';

/** (a) The Data Storage schema up from 0 and down to 0, on the shared server: all of it where pgvector is there. */
export const schemaScenario: Scenario = {
  id: 'a-schema',
  title: 'Data Storage schema (001–012 on a server with pgvector, else 001–004), up from 0 then down to 0',
  unit: 's',
  target: [
    { kind: 'ratio', max: 1.15, fasterThan: ['dbmate'], appliesTo: 'gander provider' },
    // Two processes (up, then down to 0): two Node starts on top of the provider's work.
    { kind: 'vs-provider', factor: 1.1, provider: 'gander provider', reference: 'node -e 0', processes: 2, appliesTo: 'gander CLI' },
    { kind: 'faster-than', peers: ['dbmate'], appliesTo: 'gander CLI' },
  ],
  needsServer: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('a-schema needs the server');
    const keep = (version: bigint) => server.vector || version <= PGVECTOR_FREE_PREFIX;
    const dir = await copyDataStorage(join(scratch, 'a-schema', 'gander'), keep);
    const specs = await loadMigrationSpecs(dir);
    const statements = specs.reduce((n, s) => n + s.up.length + s.down.length, 0);
    return {
      input: `${specs.length} migrations (${specs.map((s) => s.fileName).join(', ')}), ${statements} statements up + down`,
      notes: [
        server.vector
          ? `On ${server.label}: every contestant runs the whole schema, 001–012 (005 and 009 create pgvector columns and indexes).`
          : `On ${server.label}, which lacks pgvector (005 and 009 need it) and versions apply in order: every contestant runs the prefix 001–004 here; set GANDER_PG_BIN to a PostgreSQL 16 with pgvector (pgserver's, as .ci/run installs) for 001–012. The full 001–012 runs on PGlite in a2-schema-pglite.`,
        'Each run is a fresh database. Timed: connect, up, down, disconnect (in-process) or every process from spawn to exit (cold). dbmate has no "down to 0": it is called `rollback` once per migration.',
      ],
      contestants: await roundTripContestants({ backend: pgBackend(server), dir, specs, scratch: join(scratch, 'a-schema'), down: true }),
    };
  },
};
