import type { VersionRow } from '../store/version-store.js';

/** What goose_db_version says, reduced to what planning needs. */
export interface DbState {
  /** Applied versions (not 0) → when, most recently applied first. */
  applied: Map<bigint, string>;
  /** Applied versions, most recently applied first (goose: ORDER BY id DESC). */
  appliedOrder: bigint[];
  /**
   * goose's CLI notion of the current version: the newest row (highest id)
   * that is applied, 0 when only the initial row exists.
   */
  current: bigint;
  /** Highest applied version: the line below which a pending file is "missing". */
  max: bigint;
}

/**
 * Walk rows newest first; the first row seen for a version decides whether it
 * is applied (goose's ListMigrations walk).
 */
export function dbStateFromRows(rows: readonly VersionRow[]): DbState {
  const seen = new Set<bigint>();
  const applied = new Map<bigint, string>();
  const appliedOrder: bigint[] = [];
  let current: bigint | undefined;
  let max = 0n;
  for (const row of rows) {
    if (seen.has(row.version)) continue;
    seen.add(row.version);
    if (!row.isApplied) continue;
    current ??= row.version;
    if (row.version === 0n) continue;
    applied.set(row.version, row.appliedAt);
    appliedOrder.push(row.version);
    if (row.version > max) max = row.version;
  }
  return { applied, appliedOrder, current: current ?? 0n, max };
}
