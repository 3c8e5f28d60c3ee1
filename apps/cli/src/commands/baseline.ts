import type { CommandOutcome, DbCommandContext } from './context.js';
import { versionArgument } from './version-arg.js';

/** `baseline VERSION [-reason TEXT] [-force]`: adopt a database whose schema exists but whose history does not. */
export async function baselineCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const version = versionArgument('baseline', ctx.args);
  const { reason, force } = ctx.options.release;
  const result = await ctx.provider.baseline(version, { ...(reason ? { reason } : {}), force });
  const prefix = ctx.options.logPrefix;
  ctx.log.print(
    result.recorded.length === 0
      ? `${prefix}: baseline ${version}: every version up to it was already applied`
      : `${prefix}: baseline ${version}: recorded ${result.recorded.length} version${result.recorded.length === 1 ? '' : 's'} as applied without running them (${result.recorded.join(', ')})${reason ? `; reason: ${reason}` : ''}`,
  );
  return {
    currentVersion: result.currentVersion,
    extra: { baseline: { version, recorded: result.recorded, reason: reason || null, forced: force } },
  };
}
