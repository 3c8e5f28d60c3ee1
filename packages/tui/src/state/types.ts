import type { AuditRow, Plan, PlannedMigration, ProviderEvent } from '@gander/core';
import type { ErrorInfo } from '../format/error-info.js';
import type { Line } from '../format/lines.js';
import type { Size } from '../layout/regions.js';
import type { MigrationSql } from './migration-sql.js';
import type { Progress } from './progress.js';
import type { MigrationRow } from './rows.js';

/**
 * How a plan asks before it runs: y/N; typing the target version for a
 * multi-step roll back; typing `allow-drift` to run over changed files.
 */
export type Confirm =
  | { kind: 'yes-no' }
  | { kind: 'typed'; target: string; typed: string; mismatch: string | undefined; reason: 'rollback' | 'drift' };

/** An applied migration whose file changed since (found at plan time, shown on the plan). */
export interface DriftNote {
  version: bigint;
  file: string | undefined;
}

/** One lint finding, as `gander lint` reports it (@gander/lint's Finding: the TUI does not load the linter itself). */
export interface PlanFinding {
  rule: string;
  level: 'error' | 'warning';
  /** The migration file, as the plan names it. */
  file: string;
  line: number;
  column: number;
  message: string;
  help?: string;
}

/** What the linter said about a plan's files (gander lint's report: findings and counts). */
export interface PlanLint {
  findings: PlanFinding[];
  summary: { errors: number; warnings: number; suppressed: number };
}

/**
 * Lints the migrations a plan would apply (the CLI passes the call `plan
 * --json` makes); undefined when it has nothing to say about this plan (a
 * roll back). Called after the plan is read, so the linter loads only then.
 */
export type LintPlan = (plan: Plan) => Promise<PlanLint | undefined>;

/** The plan screen's lint: the report, or why there is none (the linter failed to load or run). */
export interface PlanLintView {
  report: PlanLint | undefined;
  error: string | undefined;
}

/** What a finished run left: core's error (if it stopped) and the version the database is at. */
export interface RunOutcome {
  /** The operation's kind (up, down-to, redo…). */
  operation: string;
  error: ErrorInfo | undefined;
  /** Migrations that ran to the end, in order. */
  ran: Array<{ direction: 'up' | 'down'; file: string; version: bigint }>;
  currentVersion: bigint | undefined;
  /** Migrations that ran to the end, per direction. */
  applied: number;
  rolledBack: number;
  /** Planned migrations that never started (after a failure or a stop). */
  notRun: PlannedMigration[];
  /** Stopped by q or Ctrl-C with steps left. */
  interrupted: boolean;
  durationMs: number;
}

export type Screen =
  | { kind: 'list' }
  | { kind: 'filter' }
  | { kind: 'loading'; request: number; what: string }
  | { kind: 'statements'; sql: MigrationSql; scroll: number; shift: number }
  | { kind: 'plan'; plan: Plan; drift: DriftNote[]; lint: PlanLintView | undefined; confirm: Confirm; scroll: number }
  | { kind: 'running'; plan: Plan; progress: Progress; startedAt: number }
  | { kind: 'result'; plan: Plan; progress: Progress; outcome: RunOutcome; scroll: number }
  | { kind: 'history'; rows: AuditRow[]; scroll: number }
  | { kind: 'help'; scroll: number }
  | { kind: 'message'; title: string; error: ErrorInfo; scroll: number };

export interface TuiState {
  size: Size;
  /** Where the database is (Database.target: the password is already masked). */
  target: string;
  /** Every migration, from the last status; undefined until the first one arrives. */
  rows: MigrationRow[] | undefined;
  currentVersion: bigint | undefined;
  latestVersion: bigint | undefined;
  statusError: ErrorInfo | undefined;
  filter: string;
  /** By version, so a refresh or a filter keeps the same migration selected. */
  selectedVersion: bigint | undefined;
  screen: Screen;
  /** One line under the list: the last run's outcome, or why a key did nothing. */
  notice: Line | undefined;
  /** q was pressed while a migration ran: stop after it, never halfway, then quit. */
  quitAfterRun: boolean;
  /** The last run was stopped by the user with steps left: the process exits non-zero. */
  interrupted: boolean;
  /** The provider may run over drifted files (--allow-drift); otherwise the plan asks. */
  driftAllowed: boolean;
  /** A fresh provider can be loaded with drift allowed for one run. */
  canAllowDrift: boolean;
  /** The app should unmount now. */
  quitting: boolean;
}

export type Action =
  | { type: 'resized'; size: Size }
  | { type: 'status-loaded'; target?: string; notice?: Line; rows: MigrationRow[]; currentVersion: bigint; latestVersion: bigint }
  | { type: 'status-failed'; error: ErrorInfo }
  | { type: 'move'; by: number }
  | { type: 'filter-open' }
  | { type: 'filter-type'; text: string }
  | { type: 'filter-erase' }
  | { type: 'filter-keep' }
  | { type: 'filter-clear' }
  | { type: 'show-statements'; sql: MigrationSql }
  | { type: 'show-help' }
  | { type: 'loading'; request: number; what: string }
  | { type: 'plan-loaded'; request: number; plan: Plan; drift: DriftNote[]; lint?: PlanLintView | undefined }
  | { type: 'history-loaded'; request: number; rows: AuditRow[] }
  | { type: 'request-failed'; request: number; title: string; error: ErrorInfo }
  | { type: 'notice'; notice: Line }
  | { type: 'scroll'; by: number }
  | { type: 'shift'; by: number }
  | { type: 'typed-key'; text: string }
  | { type: 'typed-erase' }
  | { type: 'typed-mismatch' }
  | { type: 'back' }
  | { type: 'run-started'; plan: Plan; at: number }
  | { type: 'provider-event'; event: ProviderEvent; at: number }
  | { type: 'run-finished'; outcome: RunOutcome }
  | { type: 'quit' };
