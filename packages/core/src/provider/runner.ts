import { setTimeout as sleep } from 'node:timers/promises';
import type { Database, Queryable, Session } from '../db/database.js';
import { GanderError } from '../errors.js';
import { hideSubstitutions } from '../parser/index.js';
import type { AuditEntry, AuditLog } from '../store/audit-log.js';
import type { VersionStore } from '../store/version-store.js';
import { backoffBefore, isLockNotAvailable, lockNotAvailableError, watchBlockers, type ResolvedGuard } from './lock-guard.js';
import { GanderMigrationError } from './migration-error.js';
import { sqlLiterals } from './sql-literal.js';
import type { Blocker, MigrationResult, PlannedMigration, ProviderEvent } from './types.js';

export interface RunContext {
  session: Session;
  store: VersionStore | undefined;
  audit: AuditLog | undefined;
  emit: (event: ProviderEvent) => void;
  /** For looking at blockers from another connection while the session waits. */
  db?: Database;
  /** The lock-timeout guard, when on. */
  guard?: ResolvedGuard | undefined;
  /** The session's backend pid (for pg_blocking_pids), when the guard is on. */
  sessionPid?: number | undefined;
}

interface PgErrorFields {
  message?: string;
  code?: string;
  position?: string;
  detail?: string;
}

function errorLine(step: PlannedMigration, index: number, error: PgErrorFields): number | undefined {
  const statement = step.statements[index]!;
  const position = Number(error.position);
  if (!Number.isInteger(position) || position < 1) return undefined;
  const before = statement.sql.slice(0, position - 1);
  let newlines = 0;
  for (const ch of before) if (ch === '\n') newlines++;
  return statement.line + newlines;
}

function toMigrationError(step: PlannedMigration, index: number, error: unknown): GanderError {
  if (error instanceof GanderError && error.code !== 'E_STATEMENT_FAILED') return error;
  const fields = (error ?? {}) as PgErrorFields;
  const statement = step.statements[index]!;
  return new GanderMigrationError(
    {
      version: step.version,
      file: step.file,
      direction: step.direction,
      useTx: step.useTx,
      statementIndex: index + 1,
      statementCount: step.statements.length,
      statementLine: statement.line,
      errorLine: errorLine(step, index, fields),
      // Printed text only: ENVSUB values (maybe secrets) as ${NAME}, also where the server echoes them.
      sql: statement.shown ?? statement.sql,
      sqlState: fields.code,
      serverMessage: hideSubstitutions(fields.message ?? String(error), step.substitutions),
      detail: fields.detail === undefined ? undefined : hideSubstitutions(fields.detail, step.substitutions),
    },
    hiddenCause(error, step),
  );
}

/** The server's error as the cause, its text with ENVSUB values hidden: faces print causes too (-v). */
function hiddenCause(error: unknown, step: PlannedMigration): unknown {
  if (!step.substitutions || !(error instanceof Error)) return error;
  const fields = error as PgErrorFields;
  const copy = new Error(hideSubstitutions(error.message, step.substitutions));
  copy.name = error.name;
  return Object.assign(copy, {
    code: fields.code,
    ...(fields.detail === undefined ? {} : { detail: hideSubstitutions(fields.detail, step.substitutions) }),
  });
}

/**
 * After a failed statement inside our BEGIN: an aborted transaction refuses
 * every query (SQLSTATE 25P02), which is the normal case. A query that runs
 * and sees now() equal to statement_timestamp() runs in a transaction of its
 * own: ours had ended (a COMMIT got through), so nothing will roll back.
 */
async function transactionEnded(session: Session): Promise<boolean> {
  try {
    const { rows } = await session.query<{ own: boolean }>('SELECT now() = statement_timestamp() AS own');
    return rows[0]?.own === true;
  } catch {
    return false;
  }
}

/**
 * After the bookkeeping-and-COMMIT message failed: is our transaction still
 * there? Open (aborted: SQLSTATE 25P02, or still running), ended (a COMMIT
 * went through or failed), or unknown (the session cannot answer: the
 * connection is gone).
 */
async function transactionState(session: Session): Promise<'open' | 'ended' | 'unknown'> {
  try {
    const { rows } = await session.query<{ own: boolean }>('SELECT now() = statement_timestamp() AS own');
    return rows[0]?.own === true ? 'ended' : 'open';
  } catch (error) {
    return (error as { code?: unknown } | null)?.code === '25P02' ? 'open' : 'unknown';
  }
}

/** A failure in our own bookkeeping (version row, audit row, COMMIT), after the statements ran. */
function bookkeepingError(step: PlannedMigration, what: string, error: unknown): GanderError {
  const message = error instanceof Error ? error.message : String(error);
  return new GanderError('E_STATEMENT_FAILED', `${step.file}: failed to ${what}: ${message}`, {
    hint: step.useTx
      ? 'the transaction was rolled back; check the version table and run the command again'
      : 'the statements ran but the version was not recorded; check `status`, then record or undo by hand',
    cause: error,
  });
}

async function runCode(ctx: RunContext, step: PlannedMigration, code: (db: Queryable) => Promise<void>): Promise<void> {
  try {
    await code(ctx.session);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const sqlState = (error as { code?: unknown } | null)?.code;
    throw new GanderError('E_STATEMENT_FAILED', `${step.file}: ${step.direction}() failed: ${message}${typeof sqlState === 'string' ? ` (SQLSTATE ${sqlState})` : ''}; ${step.useTx ? 'the transaction was rolled back: nothing of this migration was applied' : 'it ran without a transaction: what it did before failing stays; the version was not recorded'}`, {
      hint: `fix ${step.direction}() in ${step.file} and run the command again`,
      cause: error,
    });
  }
}

/**
 * A NO TRANSACTION statement under the guard: retried on its own when its lock
 * wait times out (the statements before it stay as they ran, never repeated).
 */
async function execGuardedStatement(ctx: RunContext, step: PlannedMigration, index: number, guard: ResolvedGuard): Promise<void> {
  const sql = step.statements[index]!.sql;
  for (let attempt = 1; ; attempt++) {
    const watch = watchBlockers(ctx.db!, ctx.sessionPid, guard);
    try {
      await ctx.session.exec(sql);
      await watch.stop();
      return;
    } catch (error) {
      const blockers = await watch.stop();
      if (!isLockNotAvailable(error)) throw toMigrationError(step, index, error);
      const last = attempt >= guard.attempts;
      await reportRetry(ctx, step, attempt, last ? 0 : backoffBefore(guard, attempt + 1), blockers, toMigrationError(step, index, error), index + 1);
      if (last) throw lockNotAvailableError(step.file, guard, blockers, toMigrationError(step, index, error));
      await sleep(backoffBefore(guard, attempt + 1));
    }
  }
}

async function runStatements(ctx: RunContext, step: PlannedMigration): Promise<void> {
  if (step.code) return runCode(ctx, step, step.code);
  for (const [index, statement] of step.statements.entries()) {
    // Listeners print what they get: the printable text, never substituted values.
    ctx.emit({ type: 'statement-start', version: step.version, file: step.file, index, line: statement.line, sql: statement.shown ?? statement.sql });
    const started = performance.now();
    if (!step.useTx && ctx.guard) await execGuardedStatement(ctx, step, index, ctx.guard);
    else {
      try {
        await ctx.session.exec(statement.sql);
      } catch (error) {
        throw toMigrationError(step, index, error);
      }
    }
    ctx.emit({ type: 'statement-done', version: step.version, index, durationMs: performance.now() - started });
    // PGlite runs in this thread and never yields while it works: give event
    // listeners (a TUI drawing progress) a turn between statements. A server's
    // round trip already yields to the event loop on every statement.
    if (ctx.db?.kind !== 'postgres') await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function recordVersion(ctx: RunContext, step: PlannedMigration): Promise<void> {
  if (!ctx.store) return;
  if (step.direction === 'up') await ctx.store.insertVersion(ctx.session, step.version);
  else await ctx.store.deleteVersion(ctx.session, step.version);
}

/** The audit row of one migration: `ok`, or `failed` with the error's message. */
function auditEntry(step: PlannedMigration, startedAt: Date, durationMs: number, error?: GanderError): AuditEntry {
  return {
    version: step.version,
    direction: step.direction,
    file: step.file,
    checksum: step.checksum,
    startedAt,
    durationMs,
    outcome: error ? 'failed' : 'ok',
    error: error?.message,
    group: step.group,
    noTx: !step.useTx,
  };
}

/** The values of goose's version-row statement: (version, is_applied) for up, (version) for down. */
function versionRowValues(step: PlannedMigration): unknown[] {
  return step.direction === 'up' ? [step.version.toString(), true] : [step.version.toString()];
}

async function recordAudit(
  ctx: RunContext,
  step: PlannedMigration,
  startedAt: Date,
  durationMs: number,
  error?: GanderError,
  extra: Pick<AuditEntry, 'event' | 'attempt'> = {},
) {
  await ctx.audit?.record(ctx.session, { ...auditEntry(step, startedAt, durationMs, error), ...extra });
}

/**
 * The version row and the audit row in one round trip: a data-modifying CTE
 * carries goose's INSERT (or DELETE) and the audit INSERT rides on it. On a
 * thousand small migrations, round trips are what the time goes to.
 */
async function recordVersionAndAudit(ctx: RunContext, step: PlannedMigration, startedAt: Date, durationMs: number): Promise<void> {
  const { store, audit } = ctx;
  if (!store || !audit) {
    await recordVersion(ctx, step);
    await recordAudit(ctx, step, startedAt, durationMs);
    return;
  }
  const versionParams = versionRowValues(step);
  const versionSql = step.direction === 'up' ? store.insertVersionSql() : store.deleteVersionSql();
  await ctx.session.query(`WITH version_row AS (${versionSql}) ${audit.insertSql(versionParams.length + 1)}`, [
    ...versionParams,
    ...audit.insertParams(auditEntry(step, startedAt, durationMs)),
  ]);
}

async function bookkeeping(ctx: RunContext, step: PlannedMigration, startedAt: Date, t0: number): Promise<void> {
  try {
    await recordVersionAndAudit(ctx, step, startedAt, performance.now() - t0);
  } catch (error) {
    throw bookkeepingError(step, 'record the version', error);
  }
}

function commitError(file: string, error: unknown): GanderError {
  return new GanderError('E_STATEMENT_FAILED', `${file}: failed to commit the transaction: ${error instanceof Error ? error.message : String(error)}`, {
    hint: 'the transaction was rolled back; check the version table and run the command again',
    cause: error,
  });
}

/**
 * The last round trip of a transactional migration: the version row and the
 * audit row (one CTE, as in recordVersionAndAudit) and COMMIT, sent as one
 * simple query with the values as literals. Returns false, having sent
 * nothing, when there is no version table or audit log (--no-versioning) or a
 * value cannot be a literal: the caller records with parameters and commits
 * on its own. When it fails, the session says which part did: a failed INSERT
 * leaves our transaction open (aborted, so COMMIT never ran); a failed COMMIT
 * (a deferred constraint) has ended it; a lost connection leaves it unknown,
 * which is reported as a failed COMMIT, as before.
 */
async function bookkeepingAndCommit(ctx: RunContext, step: PlannedMigration, startedAt: Date, t0: number): Promise<boolean> {
  const { store, audit } = ctx;
  if (!store || !audit) return false;
  const version = sqlLiterals(versionRowValues(step));
  const auditValues = sqlLiterals(audit.insertParams(auditEntry(step, startedAt, performance.now() - t0)));
  if (!version || !auditValues) return false;
  const versionSql = step.direction === 'up' ? store.insertVersionSql([version[0]!, version[1]!]) : store.deleteVersionSql(version[0]!);
  try {
    await ctx.session.exec(`WITH version_row AS (${versionSql}) ${audit.insertSqlWith(auditValues)};\nCOMMIT`);
  } catch (error) {
    // Our own refusal (a stop between statements) sent nothing: the transaction is open and rolls back.
    if (error instanceof GanderError) throw bookkeepingError(step, 'record the version', error);
    // 'ended': the INSERTs ran and COMMIT failed. 'unknown': the connection failed with COMMIT in flight,
    // and nobody can know whether the server committed (docs/guarantees.md). Both are a failed COMMIT.
    if ((await transactionState(ctx.session)) !== 'open') throw commitError(step.file, error);
    throw bookkeepingError(step, 'record the version', error);
  }
  return true;
}

/** Each attempt the guard gave up on: an event (log line, TUI) and an audit row. */
async function reportRetry(
  ctx: RunContext,
  step: PlannedMigration,
  attempt: number,
  backoffMs: number,
  blockers: Blocker[],
  error: GanderError,
  statement?: number,
): Promise<void> {
  const attempts = ctx.guard?.attempts ?? 1;
  ctx.emit({
    type: 'lock-retry',
    version: step.version,
    file: step.file,
    attempt,
    attempts,
    backoffMs,
    blockers,
    ...(statement === undefined ? {} : { statement }),
  });
  const blockedBy = blockers.length === 0 ? 'no blocker seen' : blockers.map((b) => `pid ${b.pid} (${b.applicationName || 'no application_name'})`).join(', ');
  await recordAudit(ctx, step, new Date(), 0, new GanderError('E_LOCK_NOT_AVAILABLE', `attempt ${attempt} of ${attempts} gave up waiting for a lock, blocked by ${blockedBy}: ${error.message}`), {
    event: 'lock-retry',
    attempt,
  }).catch(() => undefined);
}

async function begin(ctx: RunContext): Promise<void> {
  // SET LOCAL: the timeout ends with the transaction, so nothing else on the session inherits it.
  // One round trip for both (a simple query of two statements): a round trip per migration is what
  // a thousand small migrations spend their time on.
  await ctx.session.exec(ctx.guard ? `BEGIN; SET LOCAL lock_timeout = '${ctx.guard.timeoutMs}ms'` : 'BEGIN');
}

/**
 * One transaction around `work`; under the guard, the whole transaction is
 * tried again (with backoff) when a lock wait timed out. `onRetry` reports the
 * attempt that gave up. Returns the attempts made.
 */
async function inTransaction(
  ctx: RunContext,
  /** Resolves to true when it committed the transaction itself (bookkeepingAndCommit). */
  work: () => Promise<boolean>,
  onRetry: (attempt: number, backoffMs: number, blockers: Blocker[], error: GanderError) => Promise<void>,
  file: string,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const watch = ctx.guard ? watchBlockers(ctx.db!, ctx.sessionPid, ctx.guard) : undefined;
    try {
      await begin(ctx);
      if (!(await work())) {
        try {
          await ctx.session.exec('COMMIT');
        } catch (error) {
          throw commitError(file, error);
        }
      }
      await watch?.stop();
      return attempt;
    } catch (caught) {
      // "Rolled back" only when it is true: ask the session whether our transaction still exists
      // (a COMMIT among the statements ends it, and what ran before stays).
      const ended = caught instanceof GanderMigrationError && (await transactionEnded(ctx.session));
      const error = ended ? caught.withTransactionEnded() : caught;
      await ctx.session.exec('ROLLBACK').catch(() => undefined);
      const blockers = (await watch?.stop()) ?? [];
      const guard = ctx.guard;
      if (!guard || !isLockNotAvailable(error)) throw error;
      const failure = error instanceof GanderError ? error : new GanderError('E_STATEMENT_FAILED', String(error), { cause: error });
      const last = attempt >= guard.attempts;
      const backoffMs = last ? 0 : backoffBefore(guard, attempt + 1);
      await onRetry(attempt, backoffMs, blockers, failure);
      if (last) throw lockNotAvailableError(file, guard, blockers, failure);
      await sleep(backoffMs);
    }
  }
}

function startEvent(ctx: RunContext, step: PlannedMigration): void {
  ctx.emit({
    type: 'migration-start',
    version: step.version,
    file: step.file,
    direction: step.direction,
    useTx: step.useTx,
    statementCount: step.statements.length,
  });
}

function resultOf(step: PlannedMigration, durationMs: number, extra: Partial<MigrationResult> = {}): MigrationResult {
  return {
    version: step.version,
    file: step.file,
    direction: step.direction,
    durationMs,
    empty: step.statements.length === 0 && !step.code,
    ...(step.group === undefined ? {} : { group: step.group }),
    ...extra,
  };
}

/**
 * Run one migration. Transactional: BEGIN; statements; version row; audit row;
 * COMMIT — all or nothing. NO TRANSACTION: a `started` audit row first (so a
 * killed run is visible afterwards), then each statement commits on its own
 * and the version is recorded after the last one. A failure is recorded in the
 * audit log (outside the rolled-back transaction) and returned, never thrown.
 */
export async function runMigration(ctx: RunContext, step: PlannedMigration): Promise<MigrationResult> {
  startEvent(ctx, step);
  const startedAt = new Date();
  const t0 = performance.now();
  let failure: GanderError | undefined;
  let attempts = 1;
  try {
    if (step.useTx) {
      attempts = await inTransaction(
        ctx,
        async () => {
          await runStatements(ctx, step);
          if (await bookkeepingAndCommit(ctx, step, startedAt, t0)) return true;
          await bookkeeping(ctx, step, startedAt, t0);
          return false;
        },
        (attempt, backoffMs, blockers, error) => reportRetry(ctx, step, attempt, backoffMs, blockers, error),
        step.file,
      );
    } else {
      await recordAudit(ctx, step, startedAt, 0, new GanderError('E_STATEMENT_FAILED', `${step.file}: started without a transaction and has not finished (still running, or the process was killed)`), {
        event: 'started',
      });
      try {
        // Session-level (no transaction to scope it to), reset below.
        if (ctx.guard) await ctx.session.exec(`SET lock_timeout = '${ctx.guard.timeoutMs}ms'`);
        await runStatements(ctx, step);
      } finally {
        // The guard's session-level lock_timeout must not outlive the migration.
        if (ctx.guard) await ctx.session.exec('RESET lock_timeout').catch(() => undefined);
      }
      await bookkeeping(ctx, step, startedAt, t0);
    }
  } catch (error) {
    failure = error instanceof GanderError ? error : bookkeepingError(step, 'run the migration', error);
    // Best effort: the failure itself is worth a row, but must not hide the error.
    await recordAudit(ctx, step, startedAt, performance.now() - t0, failure).catch(() => undefined);
  }
  const result = resultOf(step, performance.now() - t0, {
    ...(failure ? { error: failure } : {}),
    ...(attempts > 1 ? { attempts } : {}),
  });
  ctx.emit({ type: 'migration-done', result });
  return result;
}

/**
 * A single-transaction group: every migration of it in one transaction, all
 * or nothing. Results are reported after COMMIT; when one fails, every earlier
 * member comes back `rolledBack` and each gets a failed audit row saying so —
 * unless the session shows the transaction had ended before the failure.
 */
export async function runGroup(ctx: RunContext, steps: readonly PlannedMigration[], group: number): Promise<MigrationResult[]> {
  ctx.emit({ type: 'group-start', group, versions: steps.map((s) => s.version), useTx: true });
  const t0 = performance.now();
  const startedAt = new Date();
  let durations: number[] = [];
  let failedAt = -1;
  let attempts = 1;
  let failure: GanderError | undefined;
  try {
    attempts = await inTransaction(
      ctx,
      async () => {
        durations = [];
        for (const [index, step] of steps.entries()) {
          failedAt = index;
          startEvent(ctx, step);
          const s0 = performance.now();
          await runStatements(ctx, step);
          await bookkeeping(ctx, step, startedAt, s0);
          durations.push(performance.now() - s0);
        }
        failedAt = -1;
        // inTransaction commits: several bookkeeping rows, so none of them carries the COMMIT.
        return false;
      },
      // A lock wait gave up somewhere in the group: the whole group is tried again.
      (attempt, backoffMs, blockers, error) => reportRetry(ctx, steps[Math.max(0, failedAt)]!, attempt, backoffMs, blockers, error),
      steps[0]!.file,
    );
  } catch (error) {
    failure = error instanceof GanderError ? error : bookkeepingError(steps[Math.max(0, failedAt)]!, 'run the migration', error);
    if (failedAt < 0) failedAt = steps.length - 1; // COMMIT itself failed: blame the last member
  }
  const results: MigrationResult[] = [];
  if (!failure) {
    for (const [index, step] of steps.entries()) {
      const result = resultOf(step, durations[index] ?? 0, attempts > 1 ? { attempts } : {});
      results.push(result);
      ctx.emit({ type: 'migration-done', result });
    }
    ctx.emit({ type: 'group-done', group, committed: true });
    return results;
  }
  const culprit = steps[failedAt]!;
  // A COMMIT slipped through inside the culprit (inTransaction asked the
  // session): the members before it were committed with their version and
  // audit rows, so they are applied, not "rolled back"; only the culprit failed.
  const ended = failure instanceof GanderMigrationError && failure.failure.transactionEnded === true;
  for (const [index, step] of steps.entries()) {
    if (index > failedAt) break;
    const failed = index === failedAt;
    if (ended && !failed) {
      const result = resultOf(step, durations[index] ?? 0);
      results.push(result);
      ctx.emit({ type: 'migration-done', result });
      continue;
    }
    const why = failed
      ? failure
      : new GanderError('E_STATEMENT_FAILED', `${step.file}: rolled back with group ${group} because ${culprit.file} failed`);
    await recordAudit(ctx, step, startedAt, performance.now() - t0, why).catch(() => undefined);
    const result = resultOf(step, durations[index] ?? performance.now() - t0, failed ? { error: failure } : { rolledBack: true });
    results.push(result);
    ctx.emit({ type: 'migration-done', result });
  }
  ctx.emit({ type: 'group-done', group, committed: false });
  return results;
}
