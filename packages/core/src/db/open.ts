import { join } from 'node:path';
import type { Database } from './database.js';
import { pgDatabase, type PgTarget } from './pg-adapter.js';
import { pgliteDatabase } from './pglite-adapter.js';

/** Where the embedded database lives when no connection is given: `.gander/pglite` under the working directory. */
export const EMBEDDED_DATA_DIR = join('.gander', 'pglite');

export type DatabaseTarget =
  | { driver: 'postgres'; connection: PgTarget }
  | { driver: 'pglite'; dataDir?: string; vector?: boolean };

/**
 * Open a database from a target; with none, the embedded PGlite database in
 * `.gander/pglite` under `cwd`.
 */
export async function openDatabase(target?: DatabaseTarget, cwd: string = process.cwd()): Promise<Database> {
  if (!target) return pgliteDatabase({ dataDir: join(cwd, EMBEDDED_DATA_DIR) });
  if (target.driver === 'postgres') return pgDatabase(target.connection);
  return pgliteDatabase({
    ...(target.dataDir === undefined ? { dataDir: join(cwd, EMBEDDED_DATA_DIR) } : { dataDir: target.dataDir }),
    ...(target.vector === undefined ? {} : { vector: target.vector }),
  });
}
