import type { Database, Queryable, Session } from '../db/database.js';
import { GanderError } from '../errors.js';
import { advisoryLock, noopLock, type Lock } from '../lock/advisory-lock.js';
import { parseMigrationSql, type ParsedMigrationSql } from '../parser/index.js';
import { collectMigrations, type MigrationSource } from '../source/index.js';
import { AUDIT_TABLE_NAME, AuditLog, type AuditRow } from '../store/audit-log.js';
import { parseTableName, siblingTable } from '../store/table-name.js';
import { VersionStore } from '../store/version-store.js';
import { auditContext } from './audit-context.js';
import { dbStateFromRows, type DbState } from './db-state.js';
import { planSteps, type PlanStep } from './plan.js';
import { runMigration } from './runner.js';
import { buildStatus, isDrifted } from './status.js';
import { prepareCode, preparedSql } from './prepare-step.js';
import { assertNoTransactionControl } from './transaction-control.js';
import { driftHint, onlyLineEndingsChanged } from './drift-hint.js';
import type {
  MigrationResult,
  Plan,
  PlannedMigration,
  PlanOperation,
  ProviderEvent,
  ProviderOptions,
  RunResult,
  StatusReport,
} from './types.js';

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
  /** Subscribe to progress events; returns the unsubscribe function. */
  subscribe(listener: (event: ProviderEvent) => void): () => void;
}

/** The one place that decides what runs. Every face renders its plans and results. */
export async function createProvider(options: ProviderOptions): Promise<Provider> {
  if (!options.db) throw new GanderError('E_INVALID_OPTION', 'createProvider needs a db (pgDatabase or pgliteDatabase)');
  if ((options.dir === undefined) === (options.sources === undefined)) {
    throw new GanderError('E_INVALID_OPTION', 'createProvider needs exactly one of dir or sources');
  }
  const sources = options.sources ? [...options.sources].sort(byVersion) : await collectMigrations(options.dir!);
  assertUniqueVersions(sources);
  const db = options.db;
  const noVersioning = options.noVersioning ?? false;
  const table = parseTableName(options.table);
  const store = new VersionStore(table);
  const audit =
    options.auditLog === false || noVersioning
      ? undefined
      : new AuditLog(siblingTable(table, AUDIT_TABLE_NAME), auditContext(options.envLabel));
  const lock: Lock = options.disableLock
    ? noopLock()
    : advisoryLock({
        timeoutMs: options.lockTimeoutMs,
        pollMs: options.lockPollMs,
        onWait: (holders) => emit({ type: 'lock-wait', holders }),
      });
  const listeners = new Set<(event: ProviderEvent) => void>();
  if (options.onEvent) listeners.add(options.onEvent);
  const emit = (event: ProviderEvent) => {
    for (const listener of listeners) listener(event);
  };
  const parsed = new Map<bigint, ParsedMigrationSql>();

  function parseSource(source: MigrationSource): ParsedMigrationSql {
    let result = parsed.get(source.version);
    if (!result) {
      if (source.kind !== 'sql') {
        throw new GanderError('E_INVALID_OPTION', `${source.fileName} is a ${source.kind} code migration: it has no SQL statements`, {
          hint: 'its up and down functions run as written',
        });
      }
      result = parseMigrationSql(source.content, { file: source.path, env: options.env ?? process.env });
      assertNoTransactionControl(result, source.path);
      parsed.set(source.version, result);
    }
    return result;
  }

  /** A step with its statements; `loadCode` false (plan): a code migration is described, never imported. */
  async function prepare(step: PlanStep, loadCode: boolean): Promise<PlannedMigration> {
    if (step.source.kind !== 'sql') return prepareCode(step, loadCode);
    return preparedSql(step, parseSource(step.source));
  }

  async function computePlan(q: Queryable, operation: PlanOperation, loadCode: boolean): Promise<Plan> {
    const state = await readState(q);
    const steps = planSteps({ sources, state, allowMissing: options.allowMissing ?? false, noVersioning }, operation);
    return { operation, currentVersion: state.current, steps: await Promise.all(steps.map((step) => prepare(step, loadCode))) };
  }

  async function readState(q: Queryable): Promise<DbState> {
    return dbStateFromRows(noVersioning ? [] : await store.listRows(q));
  }

  async function driftedVersions(q: Queryable): Promise<{ versions: bigint[]; lineEndingsOnly: string[] }> {
    if (!audit || options.allowDrift) return { versions: [], lineEndingsOnly: [] };
    const [recorded, state] = [await audit.appliedBy(q), await readState(q)];
    const drifted = sources.filter((s) => isDrifted(s, state, recorded.get(s.version)));
    return {
      versions: drifted.map((s) => s.version),
      lineEndingsOnly: drifted.filter((s) => onlyLineEndingsChanged(s, recorded.get(s.version)?.checksum)).map((s) => s.fileName),
    };
  }

  /** The version after a run; when the session died with the run, ask through a new connection. */
  async function currentVersionOr(session: Queryable, fallback: bigint): Promise<bigint> {
    for (const q of [session, db]) {
      try {
        return (await readState(q)).current;
      } catch {
        // try the next connection
      }
    }
    return fallback;
  }

  async function withLockedSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const session = await db.session();
    try {
      await lock.acquire(session);
      emit({ type: 'lock-acquired' });
      try {
        return await work(session);
      } finally {
        // Unlock even when the work failed; a dead connection drops the lock by itself.
        await lock.release(session).catch(() => undefined);
      }
    } finally {
      await session.release();
    }
  }

  async function run(operation: PlanOperation): Promise<RunResult> {
    const results: MigrationResult[] = [];
    let current = 0n;
    try {
      return await withLockedSession(async (session) => {
        if (!noVersioning) await store.ensureTable(session);
        await audit?.ensureTable(session);
        // Known before anything can refuse, so every result carries the real version.
        current = (await readState(session)).current;
        if (operation.kind.startsWith('up')) {
          const { versions: drifted, lineEndingsOnly } = await driftedVersions(session);
          if (drifted.length > 0) {
            throw new GanderError(
              'E_DRIFT',
              `applied migration${drifted.length === 1 ? '' : 's'} ${drifted.join(', ')} changed since ${drifted.length === 1 ? 'it was' : 'they were'} applied (checksum differs from the audit log)`,
              { hint: driftHint(lineEndingsOnly) },
            );
          }
        }
        const plan = await computePlan(session, operation, true);
        current = plan.currentVersion;
        for (const step of plan.steps) {
          const result = await runMigration({ session, store: noVersioning ? undefined : store, audit, emit }, step);
          results.push(result);
          // After a failure the session may be gone (server restart): report what we knew.
          if (result.error) return { results, error: result.error, currentVersion: await currentVersionOr(session, current) };
        }
        return {
          results,
          currentVersion: noVersioning ? (plan.steps.at(-1)?.version ?? 0n) : await currentVersionOr(session, current),
        };
      });
    } catch (error) {
      if (error instanceof GanderError) return { results, error, currentVersion: current };
      const database = databaseError(error);
      if (database) return { results, error: database, currentVersion: current };
      throw error;
    }
  }

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
    plan: (operation) => computePlan(db, operation, false),
    async status() {
      const state = await readState(db);
      const recorded = audit ? await audit.appliedBy(db) : new Map();
      return buildStatus({ sources, state, recorded, noVersioning });
    },
    async version() {
      if (noVersioning) return sources.at(-1)?.version ?? 0n;
      return (await readState(db)).current;
    },
    async hasPending() {
      if (noVersioning) return true;
      const state = await readState(db);
      return sources.some((s) => !state.applied.has(s.version));
    },
    history: async (limit) => (audit ? audit.history(db, limit) : []),
    statements(version) {
      const source = sources.find((s) => s.version === version);
      if (!source) {
        throw new GanderError('E_VERSION_NOT_FOUND', `no migration file for version ${version}`, {
          hint: 'restore the file, or pick a version that has one',
        });
      }
      return parseSource(source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * PostgreSQL refusing one of gander's own queries (the version table's schema
 * does not exist, missing privileges): not a bug, and not a migration's fault.
 */
function databaseError(error: unknown): GanderError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const hint =
    code === '3F000'
      ? 'the version table\'s schema does not exist: create it first (CREATE SCHEMA …) or choose another table'
      : code === '42501'
        ? 'the database user lacks a privilege gander needs on the version table or the audit table'
        : 'PostgreSQL refused a query gander needed to read or record versions';
  return new GanderError('E_DATABASE', `${error.message} (SQLSTATE ${code})`, { hint, cause: error });
}

function byVersion(a: MigrationSource, b: MigrationSource): number {
  return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

function assertUniqueVersions(sources: readonly MigrationSource[]): void {
  for (let i = 1; i < sources.length; i++) {
    const [prev, cur] = [sources[i - 1]!, sources[i]!];
    if (prev.version === cur.version) {
      throw new GanderError(
        'E_DUPLICATE_VERSION',
        `found duplicate migration version ${cur.version}:\n\texisting:${prev.path}\n\tcurrent:${cur.path}`,
        { hint: 'give each migration its own version number (gander fix renumbers timestamped files)' },
      );
    }
  }
}
