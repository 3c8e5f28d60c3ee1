import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@gander/test-server';
import pg from 'pg';

// A real PgBouncer in transaction pooling mode in front of the test server,
// started by the tests (Debian's `pgbouncer` package; .ci/install-pgbouncer.sh).

/** The pgbouncer binary, or undefined when it is not installed. */
export function findPgbouncer(): string | undefined {
  for (const path of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer']) if (existsSync(path)) return path;
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() !== '' ? which.stdout.trim() : undefined;
}

export interface RunningPgbouncer {
  /** The same database as `databaseUrl`, through PgBouncer. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Start PgBouncer (pool_mode = transaction, a small pool so that clients share
 * server connections) for one database. PgBouncer refuses to run as root: as
 * root it is started with -u nobody.
 */
export async function startPgbouncer(binary: string, databaseUrl: string): Promise<RunningPgbouncer> {
  const target = new URL(databaseUrl);
  const dbname = target.pathname.slice(1);
  const dir = await mkdtemp(join(tmpdir(), 'gander-pgbouncer-'));
  await chmod(dir, 0o755);
  const port = await findFreePort();
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  const server = [`host=${target.hostname}`, `port=${target.port || '5432'}`, `dbname=${dbname}`, `user=${user}`, ...(password ? [`password=${password}`] : [])].join(' ');
  const ini = join(dir, 'pgbouncer.ini');
  await writeFile(
    ini,
    `[databases]
${dbname} = ${server}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
auth_type = any
pool_mode = transaction
default_pool_size = 2
max_client_conn = 200
unix_socket_dir =
ignore_startup_parameters = extra_float_digits,options
server_reset_query =
`,
    { mode: 0o644 },
  );
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary, [...(asRoot ? ['-u', 'nobody'] : []), ini], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/${dbname}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.query('SELECT 1');
      await probe.end();
      return { url, stop };
    } catch {
      await probe.end().catch(() => undefined);
      await sleep(50);
    }
  }
  await stop();
  throw new Error(`pgbouncer did not start: ${stderr.trim()}`);
}
