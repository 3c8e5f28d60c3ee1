import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, Session } from './database.js';
import { lockDataDir, type DataDirLock, type DataDirLockOptions } from './data-dir-lock.js';
import { importOptional } from './optional-import.js';

export interface PgliteOptions {
  /** A data directory, or `memory://` (the default) for a throwaway database. */
  dataDir?: string;
  /** Load pgvector from @electric-sql/pglite-pgvector (default true; skipped when it is not installed). */
  vector?: boolean;
  /**
   * The cross-process lock on the data directory (lockDataDir), held until
   * `close()`: on by default; `false` only when the caller holds it itself.
   */
  lock?: DataDirLockOptions | false;
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
export async function pgliteDatabase(target: PGlite | PgliteOptions = {}): Promise<Database> {
  let db: PGlite;
  let owned = false;
  let lock: DataDirLock | undefined;
  let label: string;
  if ('query' in target && typeof target.query === 'function') {
    db = target as PGlite;
    label = `pglite:${db.dataDir ?? 'memory://'}`;
  } else {
    const options = target as PgliteOptions;
    const { PGlite: PGliteCtor } = await importOptional<PgliteModule>('@electric-sql/pglite', 'the embedded database');
    const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
    if (dataDir) await mkdir(dataDir, { recursive: true });
    lock = dataDir && options.lock !== false ? await lockDataDir(dataDir, options.lock ?? {}) : undefined;
    try {
      const vector = options.vector === false ? undefined : await loadVector();
      db = await PGliteCtor.create(dataDir, vector ? { extensions: { vector } } : {});
    } catch (error) {
      lock?.release();
      throw error;
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
