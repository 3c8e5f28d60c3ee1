import { pgDatabase } from '@gander/core';
import pg from 'pg';
import type { Backend, FreshTarget, RawConnection } from './backend.js';
import { FINGERPRINT_SQL, formatFingerprint, type FingerprintRow } from './fingerprint.js';
import type { FreshDatabase, PgServer } from './types.js';

/** A raw node-postgres client: the floor's connection. */
export async function connectRawPg(url: string): Promise<RawConnection> {
  const client = new pg.Client({ connectionString: url });
  // DROP DATABASE … WITH (FORCE) ends a connection a failed run left open; that must not crash the bench.
  client.on('error', () => undefined);
  await client.connect();
  return {
    async exec(sql: string) {
      // No parameters: the simple query protocol, as gander's adapter sends migration SQL.
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

function pgTarget(database: FreshDatabase, dispose: () => Promise<void>): FreshTarget {
  return {
    url: database.url,
    connectRaw: () => connectRawPg(database.url),
    connectGander: () => pgDatabase(database.url),
    async fingerprint() {
      const client = new pg.Client({ connectionString: database.url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return formatFingerprint((await client.query<FingerprintRow>(FINGERPRINT_SQL)).rows[0]);
      } finally {
        await client.end();
      }
    },
    dispose,
  };
}

/** A new database on the shared server per run, dropped WITH (FORCE) afterwards. */
export function pgBackend(server: PgServer): Backend {
  return {
    async fresh(label: string) {
      const database = await server.createDatabase(label);
      return pgTarget(database, () => database.drop());
    },
  };
}

/**
 * One prepared database for every run, for read-only scenarios (status, the
 * startup check): reading changes nothing, and preparing 10,000 applied
 * versions once keeps the setup out of the bench's ten minutes.
 */
export function sharedPgBackend(database: FreshDatabase): Backend {
  return {
    fresh: async () => pgTarget(database, async () => undefined),
  };
}
