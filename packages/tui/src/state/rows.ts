import type { AuditRow, MigrationSource, StatusReport } from '@gander/core';
import { formatTimestamp } from '../format/time.js';

/**
 * The word shown for a row: core's state, `drifted` for applied files that
 * changed since, `failed` when the last attempt failed and rolled back, and
 * `partial` when a NO TRANSACTION migration failed part-way (what ran before
 * the failure stays).
 */
export type RowState = 'applied' | 'pending' | 'missing' | 'unknown' | 'drifted' | 'failed' | 'partial';

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
  /** The database is at this version (goose's current version). */
  current: boolean;
  /** The file runs with `-- +goose NO TRANSACTION`. */
  noTx: boolean;
  /** The audit row of the last attempt, when it failed. */
  failure: AuditRow | undefined;
}

export interface RowFacts {
  /** Versions whose file says NO TRANSACTION. */
  noTx: ReadonlySet<bigint>;
  /** From lastFailures(history). */
  failures: ReadonlyMap<bigint, AuditRow>;
}

function describeBy(by: { osUser: string; host: string; envLabel: string | undefined } | undefined): string | undefined {
  if (!by) return undefined;
  const who = by.host ? `${by.osUser}@${by.host}` : by.osUser;
  return by.envLabel ? `${who} (${by.envLabel})` : who;
}

function stateOf(m: StatusReport['migrations'][number], facts: RowFacts): RowState {
  // Core's own verdict from the audit log: a NO TRANSACTION run that stopped part-way (its `started` row
  // with no finish, or a failure), even when it was killed before it could write a failed row.
  if (m.failedPartWay) return 'partial';
  const failure = facts.failures.get(m.version);
  if (failure) {
    // A failed NO TRANSACTION run left part of its work behind, whichever way it ran.
    if (facts.noTx.has(m.version)) return 'partial';
    // In a transaction a failed up left nothing: say so rather than a bare `pending`.
    if (m.state === 'pending' || m.state === 'missing') return 'failed';
  }
  return m.drifted ? 'drifted' : m.state;
}

export function rowsFromStatus(
  status: StatusReport,
  sources: readonly MigrationSource[],
  facts: RowFacts = { noTx: new Set(), failures: new Map() },
): MigrationRow[] {
  const descriptions = new Map(sources.map((s) => [s.version, s.description]));
  return status.migrations.map((m) => ({
    version: m.version,
    name: descriptions.get(m.version) ?? m.file ?? '(no file)',
    file: m.file,
    state: stateOf(m, facts),
    appliedAt: m.appliedAt === undefined ? undefined : formatTimestamp(m.appliedAt),
    by: describeBy(m.appliedBy),
    current: status.currentVersion !== 0n && m.version === status.currentVersion,
    noTx: facts.noTx.has(m.version),
    failure: facts.failures.get(m.version),
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
