import type { CatalogObject } from './types.js';

/**
 * One catalog query: every object of one kind. Its columns must be text,
 * boolean or small integers: snapshotCatalog sends all of them as one query
 * that returns each row as jsonb, where a bigint would lose precision.
 */
export interface CatalogQuery {
  readonly label: string;
  /** Takes `$1`, the schema filter (see sql-fragments.ts). */
  readonly sql: string;
  toObject(row: Readonly<Record<string, unknown>>): CatalogObject;
}
