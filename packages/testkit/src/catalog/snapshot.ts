import { performance } from 'node:perf_hooks';
import { AUDIT_TABLE_NAME, DEFAULT_TABLE_NAME, type Queryable } from '@gander/core';
import type { CatalogQuery } from './catalog-query.js';
import { constraintsQuery, indexesQuery, triggersQuery } from './dependent-queries.js';
import { columnsQuery, sequencesQuery, tablesQuery, viewsQuery } from './relation-queries.js';
import { commentsQuery, extensionsQuery, functionsQuery, schemasQuery, typesQuery } from './routine-and-type-queries.js';
import { objectKey, type CatalogObject, type CatalogSnapshot, type SnapshotOptions } from './types.js';

const QUERIES: readonly CatalogQuery[] = [
  schemasQuery,
  extensionsQuery,
  typesQuery,
  tablesQuery,
  columnsQuery,
  indexesQuery,
  constraintsQuery,
  functionsQuery,
  viewsQuery,
  triggersQuery,
  sequencesQuery,
];

/** The tables every snapshot leaves out: the version table and its audit companion change on purpose. */
export const ALWAYS_EXCLUDED_TABLES: readonly string[] = [DEFAULT_TABLE_NAME, AUDIT_TABLE_NAME];

/**
 * Record the schema of a database in one round trip: the per-kind catalog
 * queries are sent as one UNION ALL of jsonb rows (on PGlite every query has a
 * fixed cost, so one query instead of twelve halves the time), whatever the
 * number of objects.
 */
export async function snapshotCatalog(db: Queryable, options: SnapshotOptions = {}): Promise<CatalogSnapshot> {
  const started = performance.now();
  const takenAt = new Date();
  const schemaFilter = options.schemas ? JSON.stringify(options.schemas) : null;
  const queries = options.comments === false ? QUERIES : [...QUERIES, commentsQuery];
  const sql = queries.map((query, i) => `SELECT ${i} AS q, to_jsonb(x) AS r FROM (${query.sql}) x`).join('\nUNION ALL\n');
  let rows: { q: number; r: Record<string, unknown> }[];
  try {
    rows = (await db.query<{ q: number; r: Record<string, unknown> }>(sql, [schemaFilter])).rows;
  } catch (error) {
    throw await explainFailure(db, queries, schemaFilter, error);
  }
  const excluded = exclusionMatcher([...ALWAYS_EXCLUDED_TABLES, ...(options.excludeTables ?? [])]);
  const objects = rows.map((row) => queries[Number(row.q)]!.toObject(row.r)).filter((object) => !excluded(object));
  return { objects: uniqueKeys(objects), takenAt, durationMs: performance.now() - started };
}

/** The combined query failed: run the parts one by one to say which one (a server without some catalog column). */
async function explainFailure(db: Queryable, queries: readonly CatalogQuery[], schemaFilter: string | null, error: unknown): Promise<Error> {
  for (const query of queries) {
    try {
      await db.query(query.sql, [schemaFilter]);
    } catch (partError) {
      const message = partError instanceof Error ? partError.message : String(partError);
      return new Error(`catalog snapshot: the ${query.label} query failed: ${message}`, { cause: partError });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`catalog snapshot failed: ${message}`, { cause: error });
}

function exclusionMatcher(tables: readonly string[]): (object: CatalogObject) => boolean {
  const qualified = new Set(tables.filter((t) => t.includes('.')));
  const bare = new Set(tables.filter((t) => !t.includes('.')));
  return (object) => {
    if (!object.relation) return false;
    if (qualified.has(object.relation)) return true;
    const dot = object.relation.indexOf('.');
    return bare.has(dot === -1 ? object.relation : object.relation.slice(dot + 1));
  };
}

/**
 * Sort by key and make keys unique. Keys repeat only in rare corners (a
 * foreign key into a partitioned table has one row per referenced partition,
 * all with the same name); those get `#2`, `#3` in a stable order.
 */
function uniqueKeys(objects: CatalogObject[]): CatalogObject[] {
  const keyed = objects.map((object) => ({ object, sortKey: `${objectKey(object)}\u0000${JSON.stringify(object.properties)}` }));
  keyed.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const seen = new Map<string, number>();
  return keyed.map(({ object }) => {
    const key = objectKey(object);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? object : { ...object, name: `${object.name} #${count}` };
  });
}
