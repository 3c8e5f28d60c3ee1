import type { Database } from '../db/database.js';
import type { ParsedMigrationSql } from '../parser/index.js';
import type { MigrationSource } from '../source/index.js';
import type { AuditRow } from '../store/audit-log.js';
import { baseline } from './provider-baseline.js';
import { findFailedMigrations } from './failed-state.js';
import { collectSources } from './provider-collect.js';
import { providerContext, validateOptions } from './provider-options.js';
import { runOperation } from './provider-run.js';
import { computePlan, readState } from './provider-state.js';
import { buildStatus } from './status.js';
import type { BaselineOptions, BaselineResult, Plan, PlanOperation, ProviderEvent, ProviderOptions, RunResult, StatusReport } from './types.js';

export interface Provider {
  readonly sources: readonly MigrationSource[];
  readonly db: Database;
  /** Apply every pending migration. */
  up(): Promise<RunResult>;
  upByOne(): Promise<RunResult>;
  upTo(version: bigint): Promise<RunResult>;
  /** Roll back the most recently applied migration. */
  down(): Promise<RunResult>;
  downTo(version: bigint): Promise<RunResult>;
  /** Roll back the current migration and apply it again. */
  redo(): Promise<RunResult>;
  /** Roll back every applied migration. */
  reset(): Promise<RunResult>;
  /** Every migration with its state, plus applied versions without a file. */
  status(): Promise<StatusReport>;
  /** goose's current version: the most recently applied (0 when none). */
  version(): Promise<bigint>;
  hasPending(): Promise<boolean>;
  /** The exact ordered SQL an operation would run; changes nothing (dry run). */
  plan(operation: PlanOperation): Promise<Plan>;
  /** Audit log rows, newest first. */
  history(limit?: number): Promise<AuditRow[]>;
  /**
   * A migration's Up and Down statements exactly as they would run (same
   * parser, same ENVSUB environment). Throws E_PARSE for a bad file and
   * E_VERSION_NOT_FOUND for a version with no file.
   */
  statements(version: bigint): ParsedMigrationSql;
  /**
   * Record every migration file up to `version` as applied without running
   * it (a database whose schema exists but whose history does not). Throws
   * E_BASELINE_REFUSED when versions are already applied, unless forced.
   */
  baseline(version: bigint, options?: BaselineOptions): Promise<BaselineResult>;
  /** Subscribe to progress events; returns the unsubscribe function. */
  subscribe(listener: (event: ProviderEvent) => void): () => void;
}

/**
 * The one place that decides what runs. Every face renders its plans and
 * results. The parts live beside it: options (provider-options), collecting
 * and parsing files (provider-collect), reading the database (provider-state),
 * running under the lock (provider-run) and errors (provider-errors).
 */
export async function createProvider(options: ProviderOptions): Promise<Provider> {
  validateOptions(options);
  const ctx = providerContext(options, await collectSources(options));
  const { db, sources, audit, noVersioning } = ctx;
  const run = (operation: PlanOperation) => runOperation(ctx, operation);
  return {
    sources,
    db,
    up: () => run({ kind: 'up' }),
    upByOne: () => run({ kind: 'up-by-one' }),
    upTo: (version) => run({ kind: 'up-to', version }),
    down: () => run({ kind: 'down' }),
    downTo: (version) => run({ kind: 'down-to', version }),
    redo: () => run({ kind: 'redo' }),
    reset: () => run({ kind: 'reset' }),
    plan: (operation) => computePlan(ctx, db, operation),
    async status() {
      const state = await readState(ctx, db);
      const recorded = audit ? await audit.appliedBy(db) : new Map();
      const failed = noVersioning ? [] : await findFailedMigrations(ctx, db, state);
      return buildStatus({ sources, state, recorded, noVersioning, failed });
    },
    async version() {
      if (noVersioning) return sources.at(-1)?.version ?? 0n;
      return (await readState(ctx, db)).current;
    },
    async hasPending() {
      if (noVersioning) return true;
      const state = await readState(ctx, db);
      return sources.some((s) => !state.applied.has(s.version));
    },
    history: async (limit) => (audit ? audit.history(db, limit) : []),
    baseline: (version, opts) => baseline(ctx, version, opts),
    statements: (version) => ctx.collector.statements(version),
    subscribe(listener) {
      ctx.listeners.add(listener);
      return () => ctx.listeners.delete(listener);
    },
  };
}
