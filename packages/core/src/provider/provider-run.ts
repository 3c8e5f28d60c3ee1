import type { Session } from '../db/database.js';
import { driftError, runError } from './provider-errors.js';
import type { ProviderContext } from './provider-options.js';
import { computePlan, currentVersionOr, driftedVersions, readState } from './provider-state.js';
import { failedMigrationError, findFailedMigrations } from './failed-state.js';
import { splitGroups } from './groups.js';
import { GanderMigrationError } from './migration-error.js';
import { runGroup, runMigration, type RunContext } from './runner.js';
import type { MigrationResult, PlanOperation, RunResult } from './types.js';

function endedEarly(error: unknown): boolean {
  return error instanceof GanderMigrationError && error.failure.transactionEnded === true;
}

export async function withLockedSession<T>(ctx: ProviderContext, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await ctx.db.session();
  try {
    await ctx.lock.acquire(session);
    ctx.emit({ type: 'lock-acquired' });
    try {
      return await work(session);
    } finally {
      // Unlock even when the work failed; a dead connection drops the lock by itself.
      await ctx.lock.release(session).catch(() => undefined);
    }
  } finally {
    await session.release();
  }
}

async function backendPid(session: Session): Promise<number | undefined> {
  const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return rows[0]?.pid;
}

/**
 * A NO TRANSACTION migration that stopped part-way is a dead end until someone
 * looks: refuse to run past it in the same direction, unless told to retry it.
 */
async function refuseAfterFailedPartWay(ctx: ProviderContext, session: Session, direction: 'up' | 'down'): Promise<void> {
  if (ctx.options.retryFailed || ctx.noVersioning) return;
  const failed = (await findFailedMigrations(ctx, session, await readState(ctx, session))).filter((f) => f.direction === direction);
  if (failed.length > 0) throw failedMigrationError(failed);
}

/**
 * Run an operation under the migration lock: create the tables, refuse drift,
 * plan, then apply step by step. Failures come back in the result, never thrown
 * (only bugs are).
 */
export async function runOperation(ctx: ProviderContext, operation: PlanOperation): Promise<RunResult> {
  const { store, audit, emit, noVersioning } = ctx;
  const results: MigrationResult[] = [];
  let current = 0n;
  try {
    return await withLockedSession(ctx, async (session) => {
      if (!noVersioning) await store.ensureTable(session);
      await audit?.ensureTable(session);
      // Known before anything can refuse, so every result carries the real version.
      current = (await readState(ctx, session)).current;
      const up = operation.kind.startsWith('up');
      if (up) {
        const drifted = await driftedVersions(ctx, session);
        if (drifted.versions.length > 0) throw driftError(drifted.versions, drifted.lineEndingsOnly);
      }
      await refuseAfterFailedPartWay(ctx, session, up ? 'up' : 'down');
      const plan = await computePlan(ctx, session, operation, true);
      current = plan.currentVersion;
      const run: RunContext = {
        session,
        store: noVersioning ? undefined : store,
        audit,
        emit,
        db: ctx.db,
        guard: ctx.guard,
        sessionPid: ctx.guard && ctx.db.kind === 'postgres' ? await backendPid(session) : undefined,
      };
      // Open the watcher's connection now: connecting while the migration already waits could miss the blocker.
      if (run.sessionPid !== undefined) await ctx.db.query('SELECT 1');
      const batches = plan.singleTransaction ? splitGroups(plan.steps) : plan.steps.map((step) => [step]);
      for (const batch of batches) {
        const grouped = batch.length > 1 || (plan.singleTransaction === true && batch[0]!.useTx);
        const ran = grouped ? await runGroup(run, batch, batch[0]!.group!) : [await runMigration(run, batch[0]!)];
        results.push(...ran);
        const failed = ran.find((r) => r.error);
        // After a failure the session may be gone (server restart): report what we knew.
        if (failed) {
          return {
            results,
            error: failed.error,
            currentVersion: await currentVersionOr(ctx, session, current),
            // A group whose transaction ended early (a COMMIT slipped through) was not rolled back whole.
            ...(failed.group === undefined || endedEarly(failed.error) ? {} : { failedGroup: failed.group }),
          };
        }
      }
      return {
        results,
        currentVersion: noVersioning ? (plan.steps.at(-1)?.version ?? 0n) : await currentVersionOr(ctx, session, current),
      };
    });
  } catch (error) {
    const failure = runError(error);
    if (failure) return { results, error: failure, currentVersion: current };
    throw error;
  }
}
