import type { Queryable } from '../db/database.js';
import { dbStateFromRows, type DbState } from './db-state.js';
import { assignGroups } from './groups.js';
import { planSteps } from './plan.js';
import type { ProviderContext } from './provider-options.js';
import { onlyLineEndingsChanged } from './drift-hint.js';
import { isDrifted } from './status.js';
import type { Plan, PlanOperation } from './types.js';

/** What the version table says (nothing with noVersioning). */
export async function readState(ctx: ProviderContext, q: Queryable): Promise<DbState> {
  return dbStateFromRows(ctx.noVersioning ? [] : await ctx.store.listRows(q));
}

/** Applied versions whose file changed since the audit log recorded them, and which of those files only changed line endings. */
export async function driftedVersions(ctx: ProviderContext, q: Queryable): Promise<{ versions: bigint[]; lineEndingsOnly: string[] }> {
  if (!ctx.audit || ctx.options.allowDrift) return { versions: [], lineEndingsOnly: [] };
  const [recorded, state] = [await ctx.audit.appliedBy(q), await readState(ctx, q)];
  const drifted = ctx.sources.filter((s) => isDrifted(s, state, recorded.get(s.version)));
  return {
    versions: drifted.map((s) => s.version),
    lineEndingsOnly: drifted.filter((s) => onlyLineEndingsChanged(s, recorded.get(s.version)?.checksum)).map((s) => s.fileName),
  };
}

/** The plan of an operation; `loadCode` false (a dry run) never imports a code migration. */
export async function computePlan(ctx: ProviderContext, q: Queryable, operation: PlanOperation, loadCode: boolean): Promise<Plan> {
  const state = await readState(ctx, q);
  const steps = planSteps(
    { sources: ctx.sources, state, allowMissing: ctx.options.allowMissing ?? false, noVersioning: ctx.noVersioning },
    operation,
  );
  const prepared = await Promise.all(steps.map((s) => ctx.collector.prepare(s, loadCode)));
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
