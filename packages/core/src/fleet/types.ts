import type { Database } from '../db/database.js';
import type { PgTarget } from '../db/pg-adapter.js';
import type { GanderErrorCode } from '../errors.js';
import type { Direction } from '../parser/index.js';
import type { Provider } from '../provider/provider.js';
import type { ProviderEvent, ProviderOptions } from '../provider/types.js';

/** One database of the fleet. */
export interface FleetTarget {
  /** Unique within the fleet: reports, `--only-failed` and shards refer to it. */
  name: string;
  /** Groups run one after another (e.g. `canary` first); default `default`. */
  group?: string;
  labels?: Readonly<Record<string, string>>;
  /** How to reach it: a pg connection (string, config), or a function that opens it. */
  connection?: PgTarget;
  open?: () => Promise<Database>;
  /** Where it is, for humans; never holds a password (default: the opened database's masked target). */
  display?: string;
  /** Strings that must never be printed (its password): removed from every message. */
  secrets?: readonly string[];
}

/** What a task hands back for one target. */
export interface TaskOutcome {
  fromVersion?: bigint;
  toVersion?: bigint;
  applied?: readonly AppliedMigration[];
  /** The operation failed (the provider's error; partial `applied` still counts). */
  error?: unknown;
  /** Task-specific facts for the report (pending count, drift, plan steps…). */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * What the fleet does on each database: one call on the provider. The
 * built-in tasks are in `fleetTasks`; another package (a linter) adds its own
 * by implementing this, never by running SQL itself.
 */
export interface FleetTask {
  /** `up`, `status`, …: in reports and progress lines. */
  name: string;
  /** Changes databases: a failure stops later groups (read-only tasks run every group). */
  mutates: boolean;
  run(provider: Provider, target: ResolvedTarget): Promise<TaskOutcome>;
}

export type OnError = 'stop' | 'continue';

export interface FleetOptions {
  targets: readonly FleetTarget[];
  task: FleetTask;
  /** Provider settings shared by every target (migrations, table, lock…); `db` comes from each target. */
  provider: Omit<ProviderOptions, 'db' | 'onEvent'>;
  /** How many targets run at once (default 4). */
  concurrency?: number;
  /** Group order; groups not named run after these, in order of first appearance. */
  groups?: readonly string[];
  /** `stop`: after a failure start no other target; `continue` (default): finish the group. */
  onError?: OnError;
  /** Start no other target once this many failed (default: no limit). */
  maxFailures?: number;
  onEvent?: (event: FleetEvent) => void;
}

/** A target as the fleet runs it: group settled, display known. */
export interface ResolvedTarget {
  name: string;
  group: string;
  labels: Readonly<Record<string, string>>;
  display: string;
}

export interface AppliedMigration {
  version: bigint;
  file: string;
  direction: Direction;
  durationMs: number;
}

/** A failure, secrets removed; `file`/`line` when a migration file is to blame. */
export interface FleetError {
  code: GanderErrorCode | string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
}

export type TargetStatus = 'ok' | 'failed' | 'skipped';

export interface FleetTargetResult extends ResolvedTarget {
  status: TargetStatus;
  /** Why a target did not run. */
  skippedBecause?: string;
  fromVersion?: bigint;
  toVersion?: bigint;
  applied: AppliedMigration[];
  durationMs: number;
  error?: FleetError;
  details?: Readonly<Record<string, unknown>>;
}

export interface FleetSummary {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  /** How many targets are at each version after the run (as decimal strings), highest first. */
  versions: { version: string; count: number }[];
}

export interface FleetResult {
  task: string;
  ok: boolean;
  /** In the order targets were given. */
  targets: FleetTargetResult[];
  summary: FleetSummary;
  /** Groups in the order they ran (or would have). */
  groups: string[];
}

export type FleetEvent =
  | { type: 'group-start'; group: string; targets: number }
  | { type: 'group-skipped'; group: string; because: string }
  | { type: 'target-start'; target: ResolvedTarget }
  | { type: 'target-event'; target: ResolvedTarget; event: ProviderEvent }
  | { type: 'target-done'; result: FleetTargetResult };
