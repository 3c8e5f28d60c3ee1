import type { Provider, Queryable } from '@gander/core';
import type { Finding } from '../types.js';

export interface DatabaseContext {
  /** Versions with a file that the database has not applied. */
  pending: Set<bigint>;
  /** Applied versions: their files are not linted (only checked for drift). */
  applied: Set<bigint>;
  /** Applied files that changed since: `drift` findings. */
  drift: Finding[];
  /** Table sizes in bytes, by table name (partitioned tables: the sum of their partitions). */
  tableSizes: Map<string, number>;
}

const TABLE_SIZES = `
SELECT c.relname AS name,
       (CASE WHEN c.relkind = 'p'
             THEN COALESCE((SELECT sum(pg_total_relation_size(i.inhrelid)) FROM pg_inherits i WHERE i.inhparent = c.oid), 0)
             ELSE pg_total_relation_size(c.oid) END)::text AS bytes
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'm')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\\_toast%'`;

/** What the database says: which migrations are pending, which applied files drifted, how big each table is. */
export async function readDatabaseContext(provider: Provider, db: Queryable): Promise<DatabaseContext> {
  const status = await provider.status();
  const pending = new Set<bigint>();
  const applied = new Set<bigint>();
  const drift: Finding[] = [];
  for (const m of status.migrations) {
    if (m.state === 'applied') applied.add(m.version);
    else if (m.state === 'pending' || m.state === 'missing') pending.add(m.version);
    if (m.drifted && m.path !== undefined) {
      drift.push({
        rule: 'drift',
        level: 'error',
        file: m.path,
        line: 1,
        column: 1,
        section: 'file',
        message: `${m.file ?? m.path} was applied${m.appliedAt === undefined ? '' : ` at ${m.appliedAt}`} and has changed since (checksum ${m.checksum?.slice(0, 12) ?? '?'}, applied as ${m.appliedChecksum?.slice(0, 12) ?? '?'})`,
        help: 'restore the file as it was applied and put the change in a new migration',
      });
    }
  }
  const sizes = await db.query<{ name: string; bytes: string }>(TABLE_SIZES);
  const tableSizes = new Map<string, number>();
  for (const row of sizes.rows) tableSizes.set(row.name, Number(row.bytes));
  return { pending, applied, drift, tableSizes };
}
