import type { Session } from '../db/database.js';
import { driftError, runError } from './provider-errors.js';
import type { ProviderContext } from './provider-options.js';
import { computePlan, currentVersionOr, driftedVersions, readState } from './provider-state.js';
import { runMigration } from './runner.js';
import type { MigrationResult, PlanOperation, RunResult } from './types.js';

async function withLockedSession<T>(ctx: ProviderContext, work: (session: Session) => Promise<T>): Promise<T> {
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
      if (operation.kind.startsWith('up')) {
        const drifted = await driftedVersions(ctx, session);
        if (drifted.length > 0) throw driftError(drifted);
      }
      const plan = await computePlan(ctx, session, operation);
      current = plan.currentVersion;
      for (const step of plan.steps) {
        const result = await runMigration({ session, store: noVersioning ? undefined : store, audit, emit }, step);
        results.push(result);
        // After a failure the session may be gone (server restart): report what we knew.
        if (result.error) return { results, error: result.error, currentVersion: await currentVersionOr(ctx, session, current) };
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
