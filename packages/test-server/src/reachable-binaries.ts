import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { RunAs } from './run-as.js';

/** Why `user` cannot execute `binary`, or undefined when it can (`--version` runs no server and touches nothing). */
function whyNotRunnable(binary: string, user: RunAs | undefined): string | undefined {
  const result = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (result.error) return result.error.message;
  if (result.status !== 0) return result.stderr.trim().split('\n')[0] || `exit code ${result.status}`;
  return undefined;
}

const runsAs = (binary: string, user: RunAs | undefined) => whyNotRunnable(binary, user) === undefined;

/**
 * A bin folder whose initdb and postgres `user` can execute. When we run as
 * root and the binaries sit where the unprivileged user cannot reach them (a
 * checkout under /root, mode 0700, holding node_modules or a Python venv), the
 * whole installation (bin/, lib/, share/: PostgreSQL finds its libraries and
 * share files relative to its binaries) is copied once into a world-readable
 * cache folder in the temp directory, keyed by the installation's path and
 * the postgres binary's size and time, and reused by later runs. (An
 * installation whose libraries live outside that folder, as pgserver's wheel
 * keeps them in site-packages/pgserver.libs, cannot be copied this way: install
 * it where every user can read it, as .ci/run does.)
 */
export async function reachableBinDir(binDir: string, user: RunAs | undefined): Promise<string> {
  const initdb = join(binDir, 'initdb');
  const postgres = join(binDir, 'postgres');
  for (const binary of [initdb, postgres]) {
    if (!existsSync(binary)) throw new Error(`${binDir} has no ${basename(binary)}: point it at a PostgreSQL bin folder`);
  }
  if (runsAs(initdb, user) && runsAs(postgres, user)) return binDir;
  if (!user) throw new Error(`${initdb} --version fails: the PostgreSQL binaries in ${binDir} do not run on this machine`);

  const installation = dirname(binDir);
  const stamp = statSync(postgres);
  const key = createHash('sha256').update(`${installation}\0${stamp.size}\0${stamp.mtimeMs}`).digest('hex').slice(0, 16);
  const cached = join(tmpdir(), `gander-pg-bin-${key}`);
  const cachedBin = join(cached, basename(binDir));
  if (existsSync(join(cachedBin, 'postgres')) && runsAs(join(cachedBin, 'initdb'), user)) return cachedBin;

  // Copy beside the final name, then rename: a concurrent run never sees half a copy.
  const staging = await mkdtemp(`${cached}.partial-`);
  try {
    await cp(installation, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, cached).catch(async (error: NodeJS.ErrnoException) => {
      // Another run got there first: use its copy.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(staging, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const why = whyNotRunnable(join(cachedBin, 'initdb'), user);
  if (why !== undefined) {
    throw new Error(
      `user "${user.name}" can execute neither ${initdb} (out of its reach) nor its copy in ${cached} (${why}): ` +
        'install PostgreSQL where every user can read it, or run the tests as a user other than root',
    );
  }
  return cachedBin;
}
