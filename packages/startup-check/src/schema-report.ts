export type CheckMode = 'at-least' | 'exact';

/** The result of a schema check, ready to serve from a health endpoint (see `toJSON`). */
export interface SchemaReport {
  ok: boolean;
  mode: CheckMode;
  currentVersion: bigint;
  requiredVersion: bigint;
  /** Versions the service needs (≤ required) that are not applied, above the highest applied one. */
  pending: bigint[];
  /** Versions the service needs that are not applied, below the highest applied one (out of order). */
  missing: bigint[];
  /** Applied versions with no migration file here (a newer release applied them, or a file was deleted). */
  unknown: bigint[];
  /** Applied versions whose file changed since (checksum differs from the audit log). */
  drifted: bigint[];
  /** One sentence per reason the check failed; empty when ok. */
  problems: string[];
  checkedAt: string;
  durationMs: number;
}

export interface SchemaReportJson extends Omit<SchemaReport, 'currentVersion' | 'requiredVersion' | 'pending' | 'missing' | 'unknown' | 'drifted'> {
  currentVersion: string;
  requiredVersion: string;
  pending: string[];
  missing: string[];
  unknown: string[];
  drifted: string[];
}

/** Versions are int64: JSON carries them as strings so none loses precision. */
export function schemaReportToJson(report: SchemaReport): SchemaReportJson {
  const list = (v: bigint[]) => v.map(String);
  return {
    ...report,
    currentVersion: String(report.currentVersion),
    requiredVersion: String(report.requiredVersion),
    pending: list(report.pending),
    missing: list(report.missing),
    unknown: list(report.unknown),
    drifted: list(report.drifted),
  };
}
