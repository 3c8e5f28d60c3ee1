import type { Database, Queryable } from '../db/database.js';
import type { GanderError } from '../errors.js';
import type { LockHolder } from '../lock/advisory-lock.js';
import type { Direction, Substitution } from '../parser/index.js';
import type { MigrationSource } from '../source/index.js';

export interface ProviderOptions {
  db: Database;
  /** Directory of migration files; or give `sources`. */
  dir?: string;
  sources?: readonly MigrationSource[];
  /** Version table, optionally schema-qualified (default goose_db_version). */
  table?: string;
  /** Apply pending versions below the highest applied one (goose -allow-missing). */
  allowMissing?: boolean;
  /** Run migrations without reading or writing the version table (goose -no-versioning). */
  noVersioning?: boolean;
  /** Give up waiting for the advisory lock after this long (default 5 min). */
  lockTimeoutMs?: number;
  /** How often to retry the lock (default 500 ms). */
  lockPollMs?: number;
  /** Take no advisory lock. Only when you know nothing else migrates this database. */
  disableLock?: boolean;
  /** Write the gander_migration_log audit table (default true). */
  auditLog?: boolean;
  /** Environment label in the audit log (default: env GANDER_ENV). */
  envLabel?: string;
  /** Run `up` even when an applied migration's file has changed since. */
  allowDrift?: boolean;
  /** Variables for `-- +goose ENVSUB ON` (default process.env). */
  env?: Record<string, string | undefined>;
  /** Progress events, for CLIs and UIs. */
  onEvent?: (event: ProviderEvent) => void;
}

export interface MigrationResult {
  version: bigint;
  file: string;
  direction: Direction;
  durationMs: number;
  /** The migration had no statements (goose prints EMPTY). */
  empty: boolean;
  error?: GanderError;
}

export interface RunResult {
  /** One per migration that ran or failed, in order. */
  results: MigrationResult[];
  /** Set when the run stopped early; `results` holds what ran before it. */
  error?: GanderError;
  /** The database's version after the run. */
  currentVersion: bigint;
}

export type PlanOperation =
  | { kind: 'up' }
  | { kind: 'up-by-one' }
  | { kind: 'up-to'; version: bigint }
  | { kind: 'down' }
  | { kind: 'down-to'; version: bigint }
  | { kind: 'redo' }
  | { kind: 'reset' };

export interface PlannedStatement {
  sql: string;
  /** 1-based line in the file where the statement starts. */
  line: number;
  /**
   * The statement as it may be printed, when that differs from `sql`: values
   * ENVSUB substituted shown as their `${NAME}` placeholder. Print
   * `shown ?? sql`, never `sql` alone.
   */
  shown?: string;
}

export interface PlannedMigration {
  version: bigint;
  file: string;
  path: string;
  direction: Direction;
  useTx: boolean;
  /** Empty for a code (.js/.ts) migration, which runs `code` instead. */
  statements: PlannedStatement[];
  /** A code migration's up or down function (absent: an empty migration). */
  code?: (db: Queryable) => Promise<void>;
  /**
   * Set for a .js/.ts code migration: in a plan (which never loads or runs
   * code) its statements are known only when it runs.
   */
  codeMigration?: 'js' | 'ts';
  /** Values ENVSUB substituted into the statements: hidden from every printed text. */
  substitutions?: Substitution[];
  checksum: string;
}

/** Exactly what a call would run, computed without changing anything. */
export interface Plan {
  operation: PlanOperation;
  currentVersion: bigint;
  steps: PlannedMigration[];
}

export type MigrationState = 'applied' | 'pending' | 'missing' | 'unknown';

export interface MigrationStatus {
  version: bigint;
  /** Absent for `unknown` (applied in the database, no file). */
  file?: string;
  path?: string;
  state: MigrationState;
  /** Wall clock stored in goose_db_version.tstamp. */
  appliedAt?: string;
  /** From the audit log, when gander applied it. */
  appliedBy?: { dbUser: string; osUser: string; host: string; envLabel: string | undefined };
  checksum?: string;
  appliedChecksum?: string;
  /** The file changed since it was applied (checksums differ). */
  drifted: boolean;
}

export interface StatusReport {
  currentVersion: bigint;
  /** Highest version among the files. */
  latestVersion: bigint;
  migrations: MigrationStatus[];
  noVersioning: boolean;
}

export type ProviderEvent =
  | { type: 'lock-wait'; holders: LockHolder[] }
  | { type: 'lock-acquired' }
  | { type: 'migration-start'; version: bigint; file: string; direction: Direction; useTx: boolean; statementCount: number }
  | { type: 'statement-start'; version: bigint; file: string; index: number; line: number; sql: string }
  | { type: 'statement-done'; version: bigint; index: number; durationMs: number }
  | { type: 'migration-done'; result: MigrationResult };
