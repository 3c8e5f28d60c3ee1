import { GanderError, type RunResult } from '@gander/core';
import type { CommandOutcome, DbCommandContext } from './context.js';
import { versionArgument } from './version-arg.js';

/** up, up-by-one and up-to, with goose's closing lines. */
export async function upCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const { provider, log, options } = ctx;
  const prefix = options.logPrefix;
  let run: RunResult;
  if (ctx.command === 'up-to') {
    const target = versionArgument('up-to', ctx.args);
    // goose collects only the files up to VERSION: none at all is its "no migration files found", exit 1.
    if (!provider.sources.some((s) => s.version <= target)) {
      const error = new GanderError('E_NO_MIGRATIONS', 'no migration files found', {
        hint: `no migration file has a version of ${target} or less: pass a version of one of the files`,
      });
      return { results: [], error };
    }
    run = await provider.upTo(target);
  }
  else if (ctx.command === 'up-by-one') run = await provider.upByOne();
  else run = await provider.up();
  const outcome: CommandOutcome = { results: run.results, currentVersion: run.currentVersion, error: run.error };
  if (run.failedGroup !== undefined) {
    const stayed = run.results.filter((r) => !r.error && !r.rolledBack).map((r) => r.version);
    const rolledBack = run.results.filter((r) => r.rolledBack || r.error).map((r) => r.version);
    log.print(
      `${prefix}: group ${run.failedGroup} was rolled back whole (${rolledBack.join(', ')}); ${stayed.length === 0 ? 'nothing of this run stayed applied' : `applied and kept: ${stayed.join(', ')}`}`,
    );
    outcome.extra = { failedGroup: run.failedGroup, keptApplied: stayed, rolledBack };
  }
  if (run.error) {
    // goose's up-by-one says there is nothing to run, then fails with ErrNoNextVersion.
    if (run.error.code === 'E_NO_NEXT_VERSION') {
      // The provider reports 0 when planning fails; ask for the real version.
      const current = await provider.version();
      outcome.currentVersion = current;
      log.print(`${prefix}: no migrations to run. current version: ${current}`);
    }
    return outcome;
  }
  const last = run.results.at(-1);
  if (options.noVersioning) log.print(`${prefix}: up to current file version: ${last?.version ?? 0n}`);
  else if (ctx.command === 'up-by-one') {
    // goose returns right after the one migration: no closing line.
  } else if (last) log.print(`${prefix}: successfully migrated database to version: ${last.version}`);
  else log.print(`${prefix}: no migrations to run. current version: ${run.currentVersion}`);
  return outcome;
}
