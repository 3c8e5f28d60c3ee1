import type { MigrationSource, RunResult } from '@gander/core';
import type { CommandOutcome, DbCommandContext } from './context.js';
import { versionArgument } from './version-arg.js';

/** With -no-versioning goose reports the highest file version at or below where it stopped. */
export function fileVersionAtOrBelow(sources: readonly MigrationSource[], target: bigint): bigint {
  let found = 0n;
  for (const s of sources) if (s.version <= target && s.version > found) found = s.version;
  return found;
}

/** down, down-to and reset, with goose's closing lines. */
export async function downCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const { provider, log, options } = ctx;
  const prefix = options.logPrefix;
  let run: RunResult;
  let target: bigint | undefined;
  if (ctx.command === 'down-to') {
    target = versionArgument('down-to', ctx.args);
    run = await provider.downTo(target);
  } else if (ctx.command === 'reset') {
    target = 0n;
    run = await provider.reset();
  } else run = await provider.down();
  const outcome: CommandOutcome = { results: run.results, currentVersion: run.currentVersion, error: run.error };
  if (run.error) return outcome;
  if (options.noVersioning) {
    const last = provider.sources.at(-1)?.version ?? 0n;
    const stop = target ?? last - 1n;
    log.print(`${prefix}: down to current file version: ${fileVersionAtOrBelow(provider.sources, stop)}`);
  } else if (ctx.command === 'down-to') {
    log.print(`${prefix}: no migrations to run. current version: ${run.currentVersion}`);
  }
  // goose prints nothing more after down, or after reset.
  return outcome;
}
