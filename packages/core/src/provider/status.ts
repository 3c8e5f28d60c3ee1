import type { MigrationSource } from '../source/index.js';
import type { AppliedRecord } from '../store/audit-log.js';
import type { DbState } from './db-state.js';
import type { FailedMigration, MigrationStatus, StatusReport } from './types.js';
import { replacedChecksums } from '../dump/squash-marker.js';

/** Applied, with a recorded checksum that is not the file's any more. */
export function isDrifted(source: MigrationSource, state: DbState, record: AppliedRecord | undefined): boolean {
  if (!state.applied.has(source.version) || record?.checksum === undefined || record.checksum === source.checksum) return false;
  // A squashed file (gander squash) at the version of the file it replaced is that file's successor, not an edit of it.
  return !replacedChecksums(source.content, source.version).has(record.checksum);
}

export function buildStatus(input: {
  sources: readonly MigrationSource[];
  state: DbState;
  recorded: Map<bigint, AppliedRecord>;
  noVersioning: boolean;
  failed?: readonly FailedMigration[];
}): StatusReport {
  const { sources, state, recorded, noVersioning } = input;
  const failed = input.failed ?? [];
  const failedVersions = new Set(failed.map((f) => f.version));
  const known = new Set(sources.map((s) => s.version));
  const migrations: MigrationStatus[] = sources.map((source) => {
    const appliedAt = state.applied.get(source.version);
    const record = recorded.get(source.version);
    const applied = appliedAt !== undefined;
    return {
      version: source.version,
      file: source.fileName,
      path: source.path,
      state: applied ? 'applied' : source.version < state.max ? 'missing' : 'pending',
      ...(applied ? { appliedAt } : {}),
      ...(applied && record
        ? { appliedBy: { dbUser: record.dbUser, osUser: record.osUser, host: record.host, envLabel: record.envLabel } }
        : {}),
      checksum: source.checksum,
      ...(applied && record?.checksum ? { appliedChecksum: record.checksum } : {}),
      drifted: isDrifted(source, state, record),
      ...(failedVersions.has(source.version) ? { failedPartWay: true } : {}),
    };
  });
  for (const version of state.appliedOrder) {
    if (!known.has(version)) {
      migrations.push({ version, state: 'unknown', appliedAt: state.applied.get(version)!, drifted: false });
    }
  }
  migrations.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return {
    currentVersion: noVersioning ? 0n : state.current,
    latestVersion: sources.at(-1)?.version ?? 0n,
    migrations,
    noVersioning,
    failed: [...failed],
  };
}
