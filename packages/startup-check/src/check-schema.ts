import { performance } from 'node:perf_hooks';
import {
  AUDIT_TABLE_NAME,
  AuditLog,
  GanderError,
  VersionStore,
  collectMigrations,
  dbStateFromRows,
  isDrifted,
  parseTableName,
  siblingTable,
  type AppliedRecord,
  type Database,
  type MigrationSource,
} from '@gander/core';
import type { CheckMode, SchemaReport } from './schema-report.js';

export interface CheckSchemaOptions {
  db: Database;
  /** The schema version this build of the service needs, or 'latest' (the highest file version). */
  required: number | bigint | 'latest';
  /** Migration files: with them the check can name pending, missing, unknown and drifted versions. */
  dir?: string;
  sources?: readonly MigrationSource[];
  table?: string;
  /** 'at-least' (default): newer versions are fine. 'exact': nothing above `required` may be applied. */
  mode?: CheckMode;
  /** Do not fail on drifted files (still reported). */
  allowDrift?: boolean;
}

const audit = (table: string | undefined) =>
  new AuditLog(siblingTable(parseTableName(table), AUDIT_TABLE_NAME), {
    osUser: '',
    host: '',
    ganderVersion: '',
    envLabel: undefined,
  });

function requiredVersion(required: CheckSchemaOptions['required'], sources: readonly MigrationSource[] | undefined): bigint {
  if (required === 'latest') {
    if (!sources || sources.length === 0) {
      throw new GanderError('E_INVALID_OPTION', "required: 'latest' needs the migration files (dir or sources)");
    }
    return sources.at(-1)!.version;
  }
  const version = BigInt(required);
  if (version < 0n) throw new GanderError('E_INVALID_OPTION', `required version must be 0 or more, got ${version}`);
  return version;
}

/**
 * Is the database's schema what this service needs? Read-only, takes no lock,
 * and reads through core's store (the version table, plus the audit log only
 * when files are given for drift): one query, two with files.
 */
export async function checkSchema(options: CheckSchemaOptions): Promise<SchemaReport> {
  const started = performance.now();
  const sources = options.sources ?? (options.dir ? await collectMigrations(options.dir) : undefined);
  const required = requiredVersion(options.required, sources);
  const mode = options.mode ?? 'at-least';
  const store = new VersionStore(parseTableName(options.table));
  const [rows, recorded] = await Promise.all([
    store.listRows(options.db),
    sources ? audit(options.table).appliedBy(options.db) : Promise.resolve(new Map<bigint, AppliedRecord>()),
  ]);
  const state = dbStateFromRows(rows);
  const applied = state.applied;
  const problems: string[] = [];
  let pending: bigint[] = [];
  let missing: bigint[] = [];
  let unknown: bigint[] = [];
  let drifted: bigint[] = [];

  if (sources) {
    const needed = sources.filter((s) => s.version <= required && !applied.has(s.version)).map((s) => s.version);
    missing = needed.filter((v) => v < state.max);
    pending = needed.filter((v) => v >= state.max);
    const known = new Set(sources.map((s) => s.version));
    unknown = state.appliedOrder.filter((v) => !known.has(v)).sort((a, b) => (a < b ? -1 : 1));
    drifted = sources.filter((s) => isDrifted(s, state, recorded.get(s.version))).map((s) => s.version);
    if (pending.length > 0) problems.push(`${pending.length} migration(s) not applied yet: ${pending.join(', ')}`);
    if (missing.length > 0) problems.push(`${missing.length} migration(s) skipped (out of order): ${missing.join(', ')}`);
    if (drifted.length > 0 && !options.allowDrift) {
      problems.push(`migration file(s) changed since applied: ${drifted.join(', ')}`);
    }
  } else if (required > 0n && !applied.has(required) && state.max < required) {
    problems.push(`schema version ${state.max} is older than the required ${required}`);
  }
  if (mode === 'exact') {
    const above = state.appliedOrder.filter((v) => v > required);
    if (above.length > 0) problems.push(`versions above the required ${required} are applied: ${above.sort((a, b) => (a < b ? -1 : 1)).join(', ')}`);
  }
  return {
    ok: problems.length === 0,
    mode,
    currentVersion: state.current,
    requiredVersion: required,
    pending,
    missing,
    unknown,
    drifted,
    problems,
    checkedAt: new Date().toISOString(),
    durationMs: performance.now() - started,
  };
}
