import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pgliteDatabase } from '@gander/core';
import type { Backend, FreshTarget } from './backend.js';
import { FINGERPRINT_SQL, formatFingerprint, type FingerprintRow } from './fingerprint.js';

/**
 * A new in-memory PGlite with pgvector per run: the only place the full
 * 001–012 schema can run here. Starting PGlite (about a second of WASM
 * start-up) is not timed; both contestants get the instance ready.
 */
export function pgliteBackend(): Backend {
  return {
    async fresh(): Promise<FreshTarget> {
      const instance = await PGlite.create({ extensions: { vector } });
      return {
        async connectRaw() {
          return {
            async exec(sql: string) {
              await instance.exec(sql);
            },
            // The instance outlives the timed part; dispose() closes it.
            close: async () => undefined,
          };
        },
        // Passing the instance: gander's close() leaves it open, as for the floor.
        connectGander: () => pgliteDatabase(instance),
        fingerprint: async () => formatFingerprint((await instance.query<FingerprintRow>(FINGERPRINT_SQL)).rows[0]),
        dispose: () => instance.close(),
      };
    },
  };
}
