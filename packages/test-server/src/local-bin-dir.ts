import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalBinDirFound {
  binDir: string;
  /** How it was found, for messages: `GANDER_PG_BIN`, `Debian`, `Homebrew`, `pgserver`, `pg_config`. */
  from: string;
}

function hasServer(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

/** Newest major first: `/usr/lib/postgresql/16/bin` before `…/15/bin`. */
function versionedDirs(parent: string, pattern: RegExp, tail: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, major: Number(pattern.exec(name)?.[1] ?? Number.NaN) }))
    .filter((entry) => Number.isFinite(entry.major))
    .sort((a, b) => b.major - a.major)
    .map((entry) => join(parent, entry.name, tail));
}

/** pgserver (PyPI) bundles PostgreSQL with pgvector in its wheel: ask the Python that has it. */
function pgserverBinDir(env: NodeJS.ProcessEnv): string | undefined {
  const python = env.GANDER_PGSERVER_PYTHON ?? 'python3';
  const out = spawnSync(python, ['-c', 'import os, pgserver; print(os.path.dirname(pgserver.__file__))'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const dir = out.status === 0 ? out.stdout.trim() : '';
  return dir ? join(dir, 'pginstall', 'bin') : undefined;
}

function pgConfigBinDir(): string | undefined {
  const out = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', timeout: 10_000 });
  return out.status === 0 ? out.stdout.trim() || undefined : undefined;
}

/**
 * Where the `local-binaries` server kind finds PostgreSQL: `GANDER_PG_BIN`
 * when set (and then only there), else the first folder holding `initdb` and
 * `postgres` among pgserver's bundled build, Debian's
 * `/usr/lib/postgresql/<major>/bin` (newest first), Homebrew's
 * `postgresql@<major>` and `pg_config --bindir`.
 */
export function findLocalBinDir(env: NodeJS.ProcessEnv = process.env): LocalBinDirFound | { unavailable: string } {
  const explicit = env.GANDER_PG_BIN;
  if (explicit) {
    return hasServer(explicit)
      ? { binDir: explicit, from: 'GANDER_PG_BIN' }
      : { unavailable: `GANDER_PG_BIN=${explicit} holds no initdb and postgres` };
  }
  const candidates: Array<[string | undefined, string]> = [
    [pgserverBinDir(env), 'pgserver'],
    ...versionedDirs('/usr/lib/postgresql', /^(\d+)$/, 'bin').map((dir): [string, string] => [dir, 'Debian']),
    ...['/opt/homebrew/opt', '/usr/local/opt'].flatMap((parent) =>
      versionedDirs(parent, /^postgresql@(\d+)$/, 'bin').map((dir): [string, string] => [dir, 'Homebrew']),
    ),
    [pgConfigBinDir(), 'pg_config'],
  ];
  for (const [dir, from] of candidates) if (dir && hasServer(dir)) return { binDir: dir, from };
  return { unavailable: 'GANDER_PG_BIN is not set and no PostgreSQL bin folder was found (pgserver, /usr/lib/postgresql/*/bin, Homebrew, pg_config)' };
}
