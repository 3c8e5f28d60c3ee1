import { performance } from 'node:perf_hooks';
import type { Queryable, Session } from '../db/database.js';
import { GanderError } from '../errors.js';
import { hideSubstitutions } from '../parser/index.js';
import type { AuditLog } from '../store/audit-log.js';
import type { VersionStore } from '../store/version-store.js';
import { GanderMigrationError } from './migration-error.js';
import type { MigrationResult, PlannedMigration, ProviderEvent } from './types.js';

export interface RunContext {
  session: Session;
  store: VersionStore | undefined;
  audit: AuditLog | undefined;
  emit: (event: ProviderEvent) => void;
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

async function runStatements(ctx: RunContext, step: PlannedMigration): Promise<void> {
  if (step.code) return runCode(ctx, step, step.code);
  for (const [index, statement] of step.statements.entries()) {
    // Listeners print what they get: the printable text, never substituted values.
    ctx.emit({ type: 'statement-start', version: step.version, file: step.file, index, line: statement.line, sql: statement.shown ?? statement.sql });
    const started = performance.now();
    try {
      await ctx.session.exec(statement.sql);
    } catch (error) {
      throw toMigrationError(step, index, error);
    }
    ctx.emit({ type: 'statement-done', version: step.version, index, durationMs: performance.now() - started });
    // PGlite runs in this thread and never yields while it works: give event
    // listeners (a TUI drawing progress) a turn between statements.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function recordVersion(ctx: RunContext, step: PlannedMigration): Promise<void> {
  if (!ctx.store) return;
  if (step.direction === 'up') await ctx.store.insertVersion(ctx.session, step.version);
  else await ctx.store.deleteVersion(ctx.session, step.version);
}

async function recordAudit(ctx: RunContext, step: PlannedMigration, startedAt: Date, durationMs: number, error?: GanderError) {
  await ctx.audit?.record(ctx.session, {
    version: step.version,
    direction: step.direction,
    file: step.file,
    checksum: step.checksum,
    startedAt,
    durationMs,
    outcome: error ? 'failed' : 'ok',
    error: error?.message,
  });
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
  const entry = { version: step.version, direction: step.direction, file: step.file, checksum: step.checksum, startedAt, durationMs, outcome: 'ok' as const, error: undefined };
  const [versionSql, versionParams] =
    step.direction === 'up'
      ? [store.insertVersionSql(), [step.version.toString(), true]]
      : [store.deleteVersionSql(), [step.version.toString()]];
  await ctx.session.query(`WITH version_row AS (${versionSql}) ${audit.insertSql(versionParams.length + 1)}`, [
    ...versionParams,
    ...audit.insertParams(entry),
  ]);
}

async function bookkeeping(ctx: RunContext, step: PlannedMigration, startedAt: Date, t0: number): Promise<void> {
  try {
    await recordVersionAndAudit(ctx, step, startedAt, performance.now() - t0);
  } catch (error) {
    throw bookkeepingError(step, 'record the version', error);
  }
}

/**
 * Run one migration. Transactional: BEGIN; statements; version row; audit row;
 * COMMIT — all or nothing. NO TRANSACTION: each statement commits on its own
 * and the version is recorded after the last one. A failure is recorded in the
 * audit log (outside the rolled-back transaction) and returned, never thrown.
 */
export async function runMigration(ctx: RunContext, step: PlannedMigration): Promise<MigrationResult> {
  ctx.emit({
    type: 'migration-start',
    version: step.version,
    file: step.file,
    direction: step.direction,
    useTx: step.useTx,
    statementCount: step.statements.length,
  });
  const startedAt = new Date();
  const t0 = performance.now();
  let failure: GanderError | undefined;
  try {
    if (step.useTx) {
      await ctx.session.exec('BEGIN');
      try {
        await runStatements(ctx, step);
        await bookkeeping(ctx, step, startedAt, t0);
        try {
          await ctx.session.exec('COMMIT');
        } catch (error) {
          throw bookkeepingError(step, 'commit the transaction', error);
        }
      } catch (error) {
        // "Rolled back" only when it is true: ask the session whether our transaction still exists.
        const ended = error instanceof GanderMigrationError && (await transactionEnded(ctx.session));
        await ctx.session.exec('ROLLBACK').catch(() => undefined);
        throw ended ? error.withTransactionEnded() : error;
      }
    } else {
      await runStatements(ctx, step);
      await bookkeeping(ctx, step, startedAt, t0);
    }
  } catch (error) {
    failure = error instanceof GanderError ? error : bookkeepingError(step, 'run the migration', error);
    // Best effort: the failure itself is worth a row, but must not hide the error.
    await recordAudit(ctx, step, startedAt, performance.now() - t0, failure).catch(() => undefined);
  }
  const result: MigrationResult = {
    version: step.version,
    file: step.file,
    direction: step.direction,
    durationMs: performance.now() - t0,
    empty: step.statements.length === 0 && !step.code,
    ...(failure ? { error: failure } : {}),
  };
  ctx.emit({ type: 'migration-done', result });
  return result;
}
