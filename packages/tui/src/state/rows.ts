import type { MigrationSource, StatusReport } from '@gander/core';
import { formatTimestamp } from '../format/time.js';

/**
 * The word shown for a row: core's state, with `drifted` for applied files that changed since and `failed`
 * for a NO TRANSACTION migration whose last run stopped part-way (status().failed has the recovery steps).
 */
export type RowState = 'applied' | 'pending' | 'missing' | 'unknown' | 'drifted' | 'failed';

/** One line of the migration list, derived from core's status report. */
export interface MigrationRow {
  version: bigint;
  /** The description from the file name, or `(no file)` for a version only the database knows. */
  name: string;
  file: string | undefined;
  state: RowState;
  appliedAt: string | undefined;
  /** `osUser@host (envLabel)` from the audit log; undefined when goose (or no audit log) applied it. */
  by: string | undefined;
}

function describeBy(by: { osUser: string; host: string; envLabel: string | undefined } | undefined): string | undefined {
  if (!by) return undefined;
  const who = by.host ? `${by.osUser}@${by.host}` : by.osUser;
  return by.envLabel ? `${who} (${by.envLabel})` : who;
}

export function rowsFromStatus(status: StatusReport, sources: readonly MigrationSource[]): MigrationRow[] {
  const descriptions = new Map(sources.map((s) => [s.version, s.description]));
  return status.migrations.map((m) => ({
    version: m.version,
    name: descriptions.get(m.version) ?? m.file ?? '(no file)',
    file: m.file,
    state: m.failedPartWay ? 'failed' : m.drifted ? 'drifted' : m.state,
    appliedAt: m.appliedAt === undefined ? undefined : formatTimestamp(m.appliedAt),
    by: describeBy(m.appliedBy),
  }));
}

/** Case-insensitive match on the version, the name or the file name. */
export function filterRows(rows: readonly MigrationRow[], filter: string): MigrationRow[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return [...rows];
  return rows.filter(
    (r) => String(r.version).includes(needle) || r.name.toLowerCase().includes(needle) || (r.file ?? '').toLowerCase().includes(needle),
  );
}

/** Index of the selected version among `rows`; the first row when it is not there. */
export function indexOfVersion(rows: readonly MigrationRow[], version: bigint | undefined): number {
  if (version === undefined) return 0;
  const index = rows.findIndex((r) => r.version === version);
  return index < 0 ? 0 : index;
}
