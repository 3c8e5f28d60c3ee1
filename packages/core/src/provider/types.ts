import type { Database, Queryable } from '../db/database.js';
import type { GanderError } from '../errors.js';
import type { LockHolder } from '../lock/advisory-lock.js';
import type { Direction } from '../parser/index.js';
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
  /**
   * `advisory` (default, like goose's session locker): a session advisory
   * lock. `table`: goose v3.26's table locker (goose_lock, a lease renewed by a
   * heartbeat), safe behind transaction-pooling proxies such as PgBouncer.
   */
  lockMode?: LockMode;
  /** Table-lock tuning (goose's defaults: 30 s lease, 5 s heartbeat, table goose_lock). */
  tableLock?: { leaseMs?: number; heartbeatMs?: number; table?: string };
  /** Write the gander_migration_log audit table (default true). */
  auditLog?: boolean;
  /** Environment label in the audit log (default: env GANDER_ENV). */
  envLabel?: string;
  /** Run `up` even when an applied migration's file has changed since. */
  allowDrift?: boolean;
  /** Variables for `-- +goose ENVSUB ON` (default process.env). */
  env?: Record<string, string | undefined>;
  /**
   * Apply every pending migration of a run in one transaction; NO TRANSACTION
   * migrations split the run into groups, each transactional group atomic.
   */
  singleTransaction?: boolean;
  /**
   * Opt-in lock-timeout guard (off by default, like goose): transactional
   * migrations run with SET LOCAL lock_timeout and are retried with backoff
   * when it fires; NO TRANSACTION statements get it per statement.
   */
  lockTimeoutGuard?: LockTimeoutGuard;
  /** Run `up` past a NO TRANSACTION migration that failed part-way, running it again from its first statement. */
  retryFailed?: boolean;
  /** Progress events, for CLIs and UIs. */
  onEvent?: (event: ProviderEvent) => void;
}

export type LockMode = 'advisory' | 'table';

export interface LockTimeoutGuard {
  /** lock_timeout for each attempt, in milliseconds (> 0). */
  timeoutMs: number;
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Wait before the second attempt, doubled after each (default 1000 ms). */
  backoffMs?: number;
}

/** A session holding a lock a migration waited for (from pg_blocking_pids). */
export interface Blocker {
  pid: number;
  applicationName: string;
  user: string | null;
  state: string | null;
  /** Seconds since its transaction began (null outside one). */
  transactionAgeSeconds: number | null;
  /** Seconds since its current or last query began. */
  queryAgeSeconds: number | null;
  query: string | null;
}

export interface MigrationResult {
  version: bigint;
  file: string;
  direction: Direction;
  durationMs: number;
  /** The migration had no statements (goose prints EMPTY). */
  empty: boolean;
  error?: GanderError;
  /** Single-transaction runs: the group it ran in. */
  group?: number;
  /** It ran, then its group's transaction was rolled back because a later member failed: nothing of it stayed. */
  rolledBack?: boolean;
  /** Attempts the lock-timeout guard made (absent: one). */
  attempts?: number;
}

export interface RunResult {
  /** One per migration that ran or failed, in order. */
  results: MigrationResult[];
  /** Set when the run stopped early; `results` holds what ran before it. */
  error?: GanderError;
  /** The database's version after the run. */
  currentVersion: bigint;
  /** Single-transaction runs: the group that failed and was rolled back whole. */
  failedGroup?: number;
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
  checksum: string;
  /**
   * Single-transaction runs: the group (1-based). Consecutive transactional
   * migrations share one group and one transaction; a NO TRANSACTION
   * migration is a group of its own.
   */
  group?: number;
}

/** Exactly what a call would run, computed without changing anything. */
export interface Plan {
  operation: PlanOperation;
  currentVersion: bigint;
  steps: PlannedMigration[];
  /** The run would use one transaction per group (steps carry `group`). */
  singleTransaction?: boolean;
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
  /** Its last run was NO TRANSACTION and did not finish: see StatusReport.failed. */
  failedPartWay?: boolean;
}

/** A NO TRANSACTION migration whose last run stopped part-way (from the audit log). */
export interface FailedMigration {
  version: bigint;
  file: string;
  direction: Direction;
  /** When the failed run started. */
  startedAt: string;
  /** The recorded error; absent when the process died before it could record one. */
  error: string | undefined;
  /** Invalid indexes (pg_index.indisvalid = false) named by its statements: what a failed CREATE INDEX CONCURRENTLY leaves. */
  invalidIndexes: string[];
  /** What to do, in order. */
  recovery: string[];
}

export interface StatusReport {
  currentVersion: bigint;
  /** Highest version among the files. */
  latestVersion: bigint;
  migrations: MigrationStatus[];
  noVersioning: boolean;
  /** NO TRANSACTION migrations that failed part-way; `up` refuses to pass them until retried (retryFailed). */
  failed: FailedMigration[];
}

export interface BaselineOptions {
  /** Why, for the audit log (--reason). */
  reason?: string;
  /** Record the versions even though the version table already has applied rows. */
  force?: boolean;
}

export interface BaselineResult {
  /** The versions recorded as applied, in order. */
  recorded: bigint[];
  currentVersion: bigint;
}

export type ProviderEvent =
  | {
      type: 'lock-wait';
      holders: LockHolder[];
      /** Table lock mode: the holder's goose instance id and when its lease ends (holders is empty). */
      lockedBy?: string | null;
      leaseExpiresAt?: string | null;
    }
  | { type: 'lock-acquired' }
  | { type: 'migration-start'; version: bigint; file: string; direction: Direction; useTx: boolean; statementCount: number }
  | { type: 'statement-start'; version: bigint; file: string; index: number; line: number; sql: string }
  | { type: 'statement-done'; version: bigint; index: number; durationMs: number }
  | { type: 'migration-done'; result: MigrationResult }
  | { type: 'baseline'; version: bigint; recorded: bigint[] }
  | { type: 'group-start'; group: number; versions: bigint[]; useTx: boolean }
  | { type: 'group-done'; group: number; committed: boolean }
  | {
      type: 'lock-retry';
      version: bigint;
      file: string;
      /** The attempt that gave up (1-based) and how many there may be. */
      attempt: number;
      attempts: number;
      /** Wait before the next attempt (0 when none follows). */
      backoffMs: number;
      blockers: Blocker[];
      /** NO TRANSACTION: the statement retried on its own (1-based). */
      statement?: number;
    };
