import type { CommandOutcome, DbCommandContext } from './context.js';

/** goose: `goose: version N`, or with -no-versioning the highest file version. */
export async function versionCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const prefix = ctx.options.logPrefix;
  if (ctx.options.noVersioning) {
    const latest = ctx.provider.sources.at(-1)?.version ?? 0n;
    ctx.log.print(`${prefix}: file version ${latest}`);
    return { currentVersion: latest };
  }
  const version = await ctx.provider.version();
  ctx.log.print(`${prefix}: version ${version}`);
  return { currentVersion: version };
}
