import { pgliteDatabase, type MigrationSource } from '@gander/core';
import { requiredExtensions } from '../database/required-extensions.js';
import type { ChosenServer } from '../server/choose-server.js';
import type { EphemeralDatabase, EphemeralServer } from '../server/ephemeral-server.js';

/**
 * PGlite loads an extension only when it is given at start-up: when the
 * suite runs on PGlite, each database is opened with the extensions the
 * migrations create (uuid-ossp, pgcrypto, hstore, vector, …). One PGlite has
 * none of them raises core's E_EXTENSION_UNAVAILABLE, naming it and the files.
 */
export function withMigrationExtensions(chosen: ChosenServer, sources: readonly MigrationSource[]): ChosenServer {
  if (chosen.server.kind !== 'pglite') return chosen;
  const extensions = requiredExtensions(sources);
  const open = new Set<EphemeralDatabase>();
  const server: EphemeralServer = {
    kind: 'pglite',
    async createDatabase() {
      const db = await pgliteDatabase({ dataDir: 'memory://', vector: true, extensions });
      const handle: EphemeralDatabase = {
        db,
        async drop() {
          open.delete(handle);
          await db.close();
        },
      };
      open.add(handle);
      return handle;
    },
    async stop() {
      await Promise.all([...open].map((handle) => handle.drop().catch(() => undefined)));
      if (chosen.owned) await chosen.server.stop();
    },
  };
  return { ...chosen, server };
}
