import type { Database } from '@gander/core';
import { resetDatabase } from '../database/reset-database.js';
import type { ChosenServer } from '../server/choose-server.js';
import type { EphemeralDatabase } from '../server/ephemeral-server.js';

/** The one database a migration suite's tests share, made empty again for each scenario. */
export interface SuiteDatabase {
  /** An empty database for the next scenario: PGlite is reset in place (no new WASM start-up), a server gets a new database. */
  fresh(): Promise<Database>;
  /** The current database, for error messages (password masked). */
  target(): string;
  /** Drop the database and stop the server if we started it. */
  dispose(): Promise<void>;
}

export function suiteDatabase(chosen: ChosenServer): SuiteDatabase {
  let current: EphemeralDatabase | undefined;
  return {
    async fresh() {
      if (current && chosen.server.kind === 'pglite') {
        await resetDatabase(current.db);
        return current.db;
      }
      await current?.drop();
      current = undefined;
      current = await chosen.server.createDatabase();
      return current.db;
    },
    target: () => current?.db.target ?? `(no ${chosen.server.kind} database open)`,
    async dispose() {
      await current?.drop().catch(() => undefined);
      current = undefined;
      if (chosen.owned) await chosen.server.stop();
    },
  };
}
