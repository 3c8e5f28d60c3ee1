import { GanderError } from '../errors.js';
import { versionNotFoundError } from './provider-errors.js';
import type { ProviderContext } from './provider-options.js';
import { withLockedSession } from './provider-run.js';
import { readState } from './provider-state.js';
import type { BaselineOptions, BaselineResult } from './types.js';

/**
 * `baseline V`: a database whose schema exists but whose history does not.
 * Records every migration file up to V as applied, with the rows goose itself
 * writes (version_id, is_applied = true, tstamp now()), so goose agrees; one
 * audit row says who did it and why. Refuses when the version table already
 * has applied rows, unless forced (then only the versions not yet applied are
 * recorded). One transaction: all the rows or none.
 */
export async function baseline(ctx: ProviderContext, version: bigint, options: BaselineOptions = {}): Promise<BaselineResult> {
  if (ctx.noVersioning) {
    throw new GanderError('E_INVALID_OPTION', 'baseline records versions in the version table: it cannot run with noVersioning (-no-versioning)');
  }
  if (version <= 0n) throw new GanderError('E_INVALID_VERSION', `invalid baseline version ${version}: it must be more than 0`);
  const target = ctx.sources.find((s) => s.version === version);
  if (!target) throw versionNotFoundError(version);
  return withLockedSession(ctx, async (session) => {
    await ctx.store.ensureTable(session);
    await ctx.audit?.ensureTable(session);
    const state = await readState(ctx, session);
    if (state.applied.size > 0 && !options.force) {
      throw new GanderError(
        'E_BASELINE_REFUSED',
        `the version table already has ${state.applied.size} applied version${state.applied.size === 1 ? '' : 's'} (current version ${state.current}): baseline is for a database with a schema but no history`,
        { hint: 'check `status`; to record the remaining versions up to the baseline anyway, pass --force (force)' },
      );
    }
    const recorded = ctx.sources.filter((s) => s.version <= version && !state.applied.has(s.version)).map((s) => s.version);
    await session.exec('BEGIN');
    try {
      for (const v of recorded) await ctx.store.insertVersion(session, v);
      await ctx.audit?.record(session, {
        version,
        direction: 'up',
        file: target.fileName,
        checksum: undefined,
        startedAt: new Date(),
        durationMs: 0,
        outcome: 'ok',
        error: undefined,
        event: 'baseline',
        reason: options.reason?.trim() || undefined,
      });
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
    ctx.emit({ type: 'baseline', version, recorded });
    return { recorded, currentVersion: (await readState(ctx, session)).current };
  });
}
