import type { Queryable } from '../db/database.js';
import { dbStateFromRows, type DbState } from './db-state.js';
import { assignGroups } from './groups.js';
import { planSteps } from './plan.js';
import type { ProviderContext } from './provider-options.js';
import { isDrifted } from './status.js';
import type { Plan, PlanOperation } from './types.js';

/** What the version table says (nothing with noVersioning). */
export async function readState(ctx: ProviderContext, q: Queryable): Promise<DbState> {
  return dbStateFromRows(ctx.noVersioning ? [] : await ctx.store.listRows(q));
}

/** Applied versions whose file changed since the audit log recorded them. */
export async function driftedVersions(ctx: ProviderContext, q: Queryable): Promise<bigint[]> {
  if (!ctx.audit || ctx.options.allowDrift) return [];
  const [recorded, state] = [await ctx.audit.appliedBy(q), await readState(ctx, q)];
  return ctx.sources.filter((s) => isDrifted(s, state, recorded.get(s.version))).map((s) => s.version);
}

export async function computePlan(ctx: ProviderContext, q: Queryable, operation: PlanOperation): Promise<Plan> {
  const state = await readState(ctx, q);
  const steps = planSteps(
    { sources: ctx.sources, state, allowMissing: ctx.options.allowMissing ?? false, noVersioning: ctx.noVersioning },
    operation,
  );
  const prepared = await Promise.all(steps.map((s) => ctx.collector.prepare(s)));
  if (!ctx.options.singleTransaction) return { operation, currentVersion: state.current, steps: prepared };
  return { operation, currentVersion: state.current, steps: assignGroups(prepared), singleTransaction: true };
}

/** The version after a run; when the session died with the run, ask through a new connection. */
export async function currentVersionOr(ctx: ProviderContext, session: Queryable, fallback: bigint): Promise<bigint> {
  for (const q of [session, ctx.db]) {
    try {
      return (await readState(ctx, q)).current;
    } catch {
      // try the next connection
    }
  }
  return fallback;
}
