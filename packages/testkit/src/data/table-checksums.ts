import type { Queryable } from '@gander/core';
import { ALWAYS_EXCLUDED_TABLES } from '../catalog/snapshot.js';
import { notExtensionMember, userSchema } from '../catalog/sql-fragments.js';

/** Row count and content checksum of one table. */
export interface TableChecksum {
  /** `schema.name`. */
  table: string;
  kind: 'table' | 'partitioned table' | 'partition';
  rows: number;
  /** Changes when any row changes, is added or is removed; independent of row order. */
  checksum: string;
}

export interface TableChecksumOptions {
  schemas?: readonly string[];
  /** Left out besides goose_db_version and gander_migration_log, by name or `schema.name`. */
  excludeTables?: readonly string[];
  /** Only these tables (`schema.name`); tables that do not exist are left out of the result. */
  tables?: readonly string[];
  /**
   * Hash only these columns of a table (`schema.name` → column names), e.g.
   * the columns an older version had, to compare rows across a migration that
   * added columns.
   */
  columns?: Readonly<Record<string, readonly string[]>>;
}

const BATCH = 40;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface TableRow {
  schema: string;
  name: string;
  relkind: string;
  is_partition: boolean;
}

/**
 * Count and checksum every user table in a handful of queries. Each row is
 * hashed as `md5(row::text)` and the hashes are summed (as two 60-bit
 * halves), so the result does not depend on row order, needs no sort and uses
 * constant memory however large the table. Partitioned tables are checksummed
 * as a whole and each partition on its own (`ONLY`), so rows that move
 * between partitions show up on the partitions but not on the parent.
 */
export async function tableChecksums(db: Queryable, options: TableChecksumOptions = {}): Promise<TableChecksum[]> {
  const { rows: tables } = await db.query<TableRow>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind, c.relispartition AS is_partition
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND ${userSchema('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY 1, 2`,
    [options.schemas ? JSON.stringify(options.schemas) : null],
  );
  const excluded = new Set([...ALWAYS_EXCLUDED_TABLES, ...(options.excludeTables ?? [])]);
  const wanted = options.tables ? new Set(options.tables) : undefined;
  const selected = tables.filter((t) => {
    const qualified = `${t.schema}.${t.name}`;
    if (excluded.has(t.name) || excluded.has(qualified)) return false;
    return wanted === undefined || wanted.has(qualified);
  });
  const results: TableChecksum[] = [];
  for (let i = 0; i < selected.length; i += BATCH) {
    const batch = selected.slice(i, i + BATCH);
    const sql = batch.map((table) => checksumSelect(table, options.columns)).join('\nUNION ALL\n');
    const { rows } = await db.query<{ table_name: string; row_count: unknown; checksum: string }>(sql);
    const byName = new Map(rows.map((row) => [row.table_name, row]));
    for (const table of batch) {
      const qualified = `${table.schema}.${table.name}`;
      const row = byName.get(qualified)!;
      results.push({
        table: qualified,
        kind: table.relkind === 'p' ? 'partitioned table' : String(table.is_partition) === 'true' ? 'partition' : 'table',
        rows: Number(row.row_count),
        checksum: row.checksum,
      });
    }
  }
  return results;
}

function checksumSelect(table: TableRow, columns: TableChecksumOptions['columns']): string {
  const qualified = `${table.schema}.${table.name}`;
  const target = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const only = table.relkind === 'p' ? '' : 'ONLY ';
  const picked = columns?.[qualified];
  const rowText = picked ? `ROW(${picked.map((c) => `t.${quoteIdent(c)}`).join(', ')})::text` : 't::text';
  return `SELECT ${quoteLiteral(qualified)} AS table_name, count(*) AS row_count,
       md5(count(*)::text || ':' || coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text
           || ':' || coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text) AS checksum
  FROM (SELECT md5(${rowText}) AS h FROM ${only}${target} t) hashed`;
}
