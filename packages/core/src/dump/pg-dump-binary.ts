import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { GanderError } from '../errors.js';

/** Where the pg_dump in use was found, in the order they are tried. */
export type PgDumpOrigin = '--pg-dump' | 'GANDER_PG_DUMP' | 'GANDER_PG_BIN' | 'PATH';

export interface PgDumpBinary {
  path: string;
  origin: PgDumpOrigin;
  /** As it prints it: `16.2`, `17.6 (Debian 17.6-1)`. */
  version: string;
  major: number;
}

export interface FindPgDumpOptions {
  /** `--pg-dump PATH`: only this one is tried. */
  explicit?: string | undefined;
  env?: Record<string, string | undefined>;
}

/** `pg_dump (PostgreSQL) 16.2` → `16.2`; majors before 10 had two parts (9.6). */
export function parsePgDumpVersion(text: string): { version: string; major: number } | undefined {
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.(\d+))?[^\n]*)/.exec(text);
  if (!match) return undefined;
  const first = Number(match[2]);
  const major = first >= 10 ? first : first * 100 + Number(match[3] ?? 0);
  return { version: match[1]!.trim(), major };
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function versionOf(path: string): Promise<string> {
  const { execFile } = await import('node:child_process'); // as run-pg-dump.ts: only dump needs it
  return new Promise((resolve, reject) => {
    execFile(path, ['--version'], { timeout: 30_000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

function candidates(options: FindPgDumpOptions): { path: string; origin: PgDumpOrigin }[] {
  const env = options.env ?? process.env;
  if (options.explicit) return [{ path: options.explicit, origin: '--pg-dump' }];
  const list: { path: string; origin: PgDumpOrigin }[] = [];
  if (env.GANDER_PG_DUMP) list.push({ path: env.GANDER_PG_DUMP, origin: 'GANDER_PG_DUMP' });
  if (env.GANDER_PG_BIN) list.push({ path: join(env.GANDER_PG_BIN, 'pg_dump'), origin: 'GANDER_PG_BIN' });
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) list.push({ path: join(dir, 'pg_dump'), origin: 'PATH' });
  return list;
}

/**
 * The pg_dump to use: `--pg-dump PATH`, else GANDER_PG_DUMP, else the one
 * beside the server binaries in GANDER_PG_BIN, else the first on PATH. When
 * `wantMajor` is given, a later candidate with that major wins over an
 * earlier one with another (a PATH with pg_dump 15 and 16 picks 16 for a 16
 * server); one named by --pg-dump or GANDER_PG_DUMP is never replaced.
 */
export async function findPgDump(options: FindPgDumpOptions & { wantMajor?: number } = {}): Promise<PgDumpBinary> {
  const found: PgDumpBinary[] = [];
  for (const candidate of candidates(options)) {
    if (!(await executable(candidate.path))) {
      if (candidate.origin === '--pg-dump' || candidate.origin === 'GANDER_PG_DUMP') {
        throw new GanderError('E_PG_DUMP_NOT_FOUND', `pg_dump ${candidate.path} (from ${candidate.origin}) is not an executable file`, {
          hint: `point ${candidate.origin} at the pg_dump of the same major version as the server`,
        });
      }
      continue;
    }
    let text: string;
    try {
      text = await versionOf(candidate.path);
    } catch (error) {
      throw new GanderError('E_PG_DUMP_NOT_FOUND', `${candidate.path} --version failed: ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'install PostgreSQL client tools of the same major version as the server',
        cause: error,
      });
    }
    const parsed = parsePgDumpVersion(text);
    if (!parsed) {
      throw new GanderError('E_PG_DUMP_NOT_FOUND', `${candidate.path} --version printed ${JSON.stringify(text.trim().slice(0, 80))}, not a pg_dump version`, {
        hint: 'point --pg-dump (or GANDER_PG_DUMP) at PostgreSQL\'s pg_dump',
      });
    }
    const binary: PgDumpBinary = { ...candidate, ...parsed };
    // A pg_dump the user named is used (and refused when mismatched), never passed over for another.
    const named = candidate.origin === '--pg-dump' || candidate.origin === 'GANDER_PG_DUMP';
    if (named || options.wantMajor === undefined || parsed.major === options.wantMajor) return binary;
    found.push(binary);
  }
  const first = found[0];
  if (first) return first;
  throw new GanderError('E_PG_DUMP_NOT_FOUND', 'pg_dump was not found (tried GANDER_PG_DUMP, GANDER_PG_BIN and PATH)', {
    hint:
      options.wantMajor === undefined
        ? 'install the PostgreSQL client tools of the server\'s major version, or pass --pg-dump PATH'
        : `install pg_dump ${options.wantMajor} (e.g. apt-get install postgresql-client-${options.wantMajor}), or pass --pg-dump PATH`,
  });
}
