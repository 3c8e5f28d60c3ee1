import type { CommandOutcome, DbCommandContext } from './context.js';

/** redo: the latest migration down, then up again; goose prints the two OK lines and nothing else. */
export async function redoCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const run = await ctx.provider.redo();
  return { results: run.results, currentVersion: run.currentVersion, error: run.error };
}
