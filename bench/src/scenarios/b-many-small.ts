import { join } from 'node:path';
import { roundTripContestants } from '../contestants/round-trip.js';
import { loadMigrationSpecs } from '../fixtures/migration-spec.js';
import { writeSmallMigrations } from '../fixtures/small-migrations.js';
import { pgBackend } from '../harness/pg-backend.js';
import type { Scenario } from '../harness/types.js';

const COUNT = 1000;

/** (b) Many small migrations: what a tool costs per migration (transaction, bookkeeping, round trips). */
export const manySmallScenario: Scenario = {
  id: 'b-1000-small',
  title: `${COUNT.toLocaleString('en-US')} small migrations up from 0, embedded PostgreSQL`,
  unit: 's',
  target: [
    { kind: 'ratio', max: 1.3, fasterThan: ['dbmate'], appliesTo: 'gander provider' },
    { kind: 'vs-provider', factor: 1.1, provider: 'gander provider', reference: 'node -e 0', processes: 1, appliesTo: 'gander CLI' },
    { kind: 'faster-than', peers: ['dbmate'], appliesTo: 'gander CLI' },
  ],
  needsServer: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('b-1000-small needs the server');
    const dir = await writeSmallMigrations(join(scratch, 'b-small', 'gander'), COUNT);
    const specs = await loadMigrationSpecs(dir);
    return {
      input: `${COUNT} generated migrations, each CREATE TABLE + CREATE INDEX + INSERT (with a DROP TABLE down)`,
      notes: [
        'The floor runs all 3,000 statements in one transaction; gander and dbmate use one transaction per migration (goose\'s semantics) plus their version rows; node-pg-migrate by default wraps every pending migration in a single transaction.',
        'The server runs with fsync=off (testkit), so a COMMIT costs a round trip, not a disk flush: on a durable server the per-migration transactions cost more.',
      ],
      contestants: await roundTripContestants({ backend: pgBackend(server), dir, specs, scratch: join(scratch, 'b-small'), down: false }),
    };
  },
};
