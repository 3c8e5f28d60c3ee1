import type { MigrationSource } from '@gander/core';
import { requiredExtensions } from '../database/required-extensions.js';
import type { ChosenServer } from '../server/choose-server.js';
import type { EphemeralServer } from '../server/ephemeral-server.js';
import { pgliteServer } from '../server/pglite-server.js';

/**
 * PGlite loads an extension only when it is given at start-up: when the
 * suite runs on PGlite, each database is opened with the extensions the
 * migrations create (uuid-ossp, pgcrypto, hstore, vector, …). One PGlite has
 * none of them raises core's E_EXTENSION_UNAVAILABLE, naming it and the files.
 */
export function withMigrationExtensions(chosen: ChosenServer, sources: readonly MigrationSource[]): ChosenServer {
  if (chosen.server.kind !== 'pglite') return chosen;
  const inner = pgliteServer({ vector: true, extensions: requiredExtensions(sources) });
  const server: EphemeralServer = {
    ...inner,
    async stop() {
      await inner.stop();
      if (chosen.owned) await chosen.server.stop();
    },
  };
  return { ...chosen, server };
}
