/** The kinds of schema object a catalog snapshot records. */
export type CatalogObjectKind =
  | 'schema'
  | 'extension'
  | 'type'
  | 'table'
  | 'column'
  | 'index'
  | 'constraint'
  | 'function'
  | 'view'
  | 'materialized view'
  | 'trigger'
  | 'sequence'
  | 'comment';

/**
 * One schema object, reduced to what decides whether two snapshots are equal.
 * OIDs and data (sequence values, statistics) are left out on purpose: a Down
 * followed by an Up recreates objects with new OIDs, and that is fine.
 */
export interface CatalogObject {
  kind: CatalogObjectKind;
  /** Unique within its kind: `public.t`, `public.t.c`, `idx_x on public.t`, `public.f(integer)`. */
  name: string;
  /** Printed after the name on `+`/`-` lines, e.g. `(integer not null)` or `: CREATE INDEX …`. */
  summary: string;
  /** Compared one by one; a differing property makes a `~` line. */
  properties: Readonly<Record<string, string>>;
  /** The table, view or sequence the object belongs to, as `schema.name` (used to exclude tables). */
  relation?: string;
  /**
   * The `kind` + `name` key of the object this one was cloned from (an index,
   * constraint or trigger on a partition, from the partitioned parent's): a
   * diff folds the clones into their parent's line.
   */
  inheritedFrom?: string;
}

export interface CatalogSnapshot {
  /** Sorted by kind, then name. */
  objects: CatalogObject[];
  /** When it was taken and how long the catalog queries took. */
  takenAt: Date;
  durationMs: number;
}

export interface SnapshotOptions {
  /** Only these schemas (default: every schema but pg_catalog, information_schema, pg_toast and temp schemas). */
  schemas?: readonly string[];
  /**
   * Tables left out with everything that belongs to them, by name or
   * `schema.name`. The version table `goose_db_version` and the audit table
   * `gander_migration_log` are always left out: migrations change them on purpose.
   */
  excludeTables?: readonly string[];
  /** Record COMMENT ON … texts (default true). */
  comments?: boolean;
}

export function objectKey(object: Pick<CatalogObject, 'kind' | 'name'>): string {
  return `${object.kind} ${object.name}`;
}
