import type { Database } from '@gander/core';

/** The floor's connection: a raw driver call per statement, nothing in between. */
export interface RawConnection {
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh, empty database for one run. Making it is not timed; connecting is,
 * for in-process contestants, as a service pays for its connection too.
 */
export interface FreshTarget {
  /** Connection string for cold processes (absent on PGlite). */
  url?: string;
  connectRaw(): Promise<RawConnection>;
  /** gander's adapter over the same database. */
  connectGander(): Promise<Database>;
  /** What the schema holds now (see fingerprint.ts); called between phases, untimed. */
  fingerprint(): Promise<string>;
  dispose(): Promise<void>;
}

/** Where a scenario's runs happen: the shared embedded PostgreSQL, or a new PGlite per run. */
export interface Backend {
  fresh(label: string): Promise<FreshTarget>;
}
