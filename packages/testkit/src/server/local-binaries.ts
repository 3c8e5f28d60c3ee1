import { startLocalPostgres as startCluster, type LocalPostgres, type LocalPostgresKind, type LocalPostgresOptions } from '@gander/test-server';
import { TestkitError } from '../errors.js';
import type { EphemeralServer } from './ephemeral-server.js';
import { serverAtUrl } from './url-server.js';

export type { LocalPostgresOptions } from '@gander/test-server';

/** A throwaway cluster from a folder of binaries, as an EphemeralServer (a database per createDatabase()). */
export interface LocalPostgresServer extends EphemeralServer, Omit<LocalPostgres, 'stop'> {
  readonly kind: LocalPostgresKind;
  readonly url: string;
}

/**
 * Start a throwaway PostgreSQL from a folder of binaries (see
 * @gander/test-server's startLocalPostgres: temp dir, free loopback port,
 * random password, an unprivileged user when root, a reaper). `stop()` drops
 * the databases still open, then stops the server and removes everything.
 */
export async function startLocalPostgres(options: LocalPostgresOptions, kind: LocalPostgresKind = 'local-binaries'): Promise<LocalPostgresServer> {
  let cluster: LocalPostgres;
  try {
    cluster = await startCluster(options, kind);
  } catch (cause) {
    const error = cause as { message?: string; hint?: string };
    throw new TestkitError('E_SERVER_START', error.message ?? String(cause), { ...(error.hint ? { hint: error.hint } : {}), cause });
  }
  const { stop, ...facts } = cluster;
  return { ...facts, ...serverAtUrl(kind, cluster.url, stop), kind, url: cluster.url };
}
