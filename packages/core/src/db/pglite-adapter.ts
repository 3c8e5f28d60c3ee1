import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GanderError } from '../errors.js';
import type { PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, Session } from './database.js';
import { lockDataDir, type DataDirLock, type DataDirLockOptions } from './data-dir-lock.js';
import { importOptional } from './optional-import.js';
import { pgliteExtensions } from './pglite-extensions.js';

/**
 * The part of a PGlite instance the adapter uses. Structural, so that the
 * published declarations do not import @electric-sql/pglite (an optional peer):
 * a consumer without it still type-checks with `skipLibCheck: false`.
 */
export interface PgliteInstance {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
  readonly dataDir?: string | undefined;
}

export interface PgliteOptions {
  /** A data directory, or `memory://` (the default) for a throwaway database. */
  dataDir?: string;
  /** Load pgvector from @electric-sql/pglite-pgvector (default true; skipped when it is not installed). */
  vector?: boolean;
  /**
   * Extensions to load, by their CREATE EXTENSION name (`uuid-ossp`, `pgcrypto`, `hstore`, `vector`, …):
   * PGlite loads one only when it is given at start-up. A map names the files that need each one
   * (extensionsCreatedBy(sources)), for the E_EXTENSION_UNAVAILABLE error when PGlite has no such extension.
   */
  extensions?: readonly string[] | ReadonlyMap<string, readonly string[]>;
  /**
   * The cross-process lock on the data directory (lockDataDir), held until
   * `close()`: on by default; `false` only when the caller holds it itself.
   */
  lock?: DataDirLockOptions | false;
  /**
   * PostgreSQL's `shared_buffers` for this instance (PGlite's default is 128MB, which it allocates and
   * zeroes on every start: about a fifth of opening an existing data directory). A short read-only
   * session (a CLI `status`) needs a few pages; migrations keep the default.
   */
  sharedBuffers?: string;
}

type PgliteModule = typeof import('@electric-sql/pglite');
type VectorModule = typeof import('@electric-sql/pglite-pgvector');

async function loadVector(): Promise<VectorModule['vector'] | undefined> {
  try {
    return (await importOptional<VectorModule>('@electric-sql/pglite-pgvector', 'pgvector on PGlite')).vector;
  } catch {
    return undefined;
  }
}

/**
 * PGlite adapter: PostgreSQL in WASM, in memory or in a directory. It is one
 * session, so advisory locks never contend here; the session is the database.
 * Pass a PGlite instance you own, or options for one that `close()` closes.
 */
export async function pgliteDatabase(target: PgliteInstance | PgliteOptions = {}): Promise<Database> {
  let db: PGlite;
  let owned = false;
  let lock: DataDirLock | undefined;
  let label: string;
  if ('query' in target && typeof target.query === 'function') {
    db = target as unknown as PGlite;
    label = `pglite:${db.dataDir ?? 'memory://'}`;
  } else {
    const options = target as PgliteOptions;
    const { PGlite: PGliteCtor } = await importOptional<PgliteModule>('@electric-sql/pglite', 'the embedded database');
    const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
    if (dataDir) await mkdir(dataDir, { recursive: true });
    lock = dataDir && options.lock !== false ? await lockDataDir(dataDir, options.lock ?? {}) : undefined;
    try {
      const requested = options.extensions ?? [];
      const names = Array.isArray(requested) ? (requested as readonly string[]) : [...(requested as ReadonlyMap<string, readonly string[]>).keys()];
      const neededBy = Array.isArray(requested) ? undefined : (requested as ReadonlyMap<string, readonly string[]>);
      const extensions = await pgliteExtensions(names, neededBy);
      const vector = extensions.vector ?? (options.vector === false ? undefined : await loadVector());
      if (vector) extensions.vector = vector;
      const startParams = options.sharedBuffers ? [...PGliteCtor.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`] : undefined;
      db = await PGliteCtor.create(dataDir, { extensions, ...(startParams ? { startParams } : {}) });
    } catch (error) {
      lock?.release();
      throw dataDir === undefined ? error : await explainOpenFailure(PGliteCtor, dataDir, error);
    }
    owned = true;
    label = `pglite:${dataDir ?? 'memory://'}`;
  }
  const ops = {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      const result = await db.query<Row>(sql, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    target: label,
    ...ops,
    async session(): Promise<Session> {
      return { ...ops, release: async () => undefined };
    },
    async close() {
      try {
        if (owned) await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * PGlite's own error for a data directory it cannot open says only that it
 * "failed to initialize" (and the CLI would call that a bug of its own). Say
 * what the directory is: a cluster of another PostgreSQL version (a server's
 * data directory given to `pglite`), or one of PGlite's own that would not open.
 * Only on this failure path, PGlite's own version is asked of a throwaway
 * in-memory instance.
 */
async function explainOpenFailure(PGliteCtor: PgliteModule['PGlite'], dataDir: string, error: unknown): Promise<unknown> {
  let version: string;
  try {
    version = (await readFile(join(dataDir, 'PG_VERSION'), 'utf8')).trim().slice(0, 16);
  } catch {
    return error;
  }
  let own: string | undefined;
  try {
    const probe = await PGliteCtor.create();
    own = String((await probe.query<{ v: string }>('SELECT current_setting(\'server_version_num\') AS v')).rows[0]?.v ?? '').slice(0, -4) || undefined;
    await probe.close();
  } catch {
    own = undefined;
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (own !== undefined && own !== version) {
    return new GanderError(
      'E_INVALID_OPTION',
      `PGlite (PostgreSQL ${own}) cannot open ${dataDir}: it is a PostgreSQL ${version} data directory`,
      {
        hint: "give pglite a directory of its own (a new one is created), or migrate that server's database through the postgres driver and its connection string",
        cause: error,
      },
    );
  }
  return new GanderError('E_CONNECTION', `PGlite could not open its data directory ${dataDir} (PostgreSQL ${version}): ${reason}`, {
    hint: 'another program may have it open, or it is damaged: restore it from a copy, or start over in a new directory',
    cause: error,
  });
}
