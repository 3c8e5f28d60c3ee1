import type { AuditRow } from '@gander/core';

/**
 * Versions whose most recent attempt failed: the audit log's latest row per
 * version says `failed` and no success came after it. For a NO TRANSACTION
 * migration that means part of it ran. Derived here from the audit log until
 * core's status reports the same state itself; then only this function changes.
 *
 * `history` is newest first, as provider.history() returns it.
 */
export function lastFailures(history: readonly AuditRow[]): Map<bigint, AuditRow> {
  const seen = new Set<bigint>();
  const failed = new Map<bigint, AuditRow>();
  for (const row of history) {
    if (seen.has(row.version)) continue;
    seen.add(row.version);
    if (row.outcome === 'failed') failed.set(row.version, row);
  }
  return failed;
}
