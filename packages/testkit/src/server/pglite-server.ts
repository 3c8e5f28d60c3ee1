import { pgliteDatabase } from '@gander/core';
import type { EphemeralDatabase, EphemeralServer } from './ephemeral-server.js';

export interface PgliteServerOptions {
  /** Load pgvector into every database (default true; skipped by core when the package is missing). */
  vector?: boolean;
  /**
   * Extensions to load into every database, by CREATE EXTENSION name (PGlite loads one only at start-up);
   * a map names the files needing each, for core's E_EXTENSION_UNAVAILABLE.
   */
  extensions?: readonly string[] | ReadonlyMap<string, readonly string[]>;
}

/**
 * PGlite as a "server": there is none, each createDatabase() is a new
 * in-memory PGlite (a few seconds of WASM start-up each, so open one per test
 * file and reset it between scenarios rather than one per test).
 */
export function pgliteServer(options: PgliteServerOptions = {}): EphemeralServer {
  const open = new Set<EphemeralDatabase>();
  return {
    kind: 'pglite',
    async createDatabase() {
      const db = await pgliteDatabase({ dataDir: 'memory://', vector: options.vector ?? true, ...(options.extensions ? { extensions: options.extensions } : {}) });
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
    },
  };
}
