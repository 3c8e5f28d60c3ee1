import { CliError } from '../errors.js';
import type { CommandOutcome, DbCommandContext } from './context.js';

/**
 * `gander tui` (and `gander` with no command on a terminal): the interactive
 * session of @gander/tui over this command line's provider. Loaded only here,
 * so no other command pays for Ink and React.
 */
export async function tuiCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  if (ctx.options.json) {
    return {
      error: new CliError('E_USAGE', 'gander tui is interactive and has no --json form', { hint: 'use gander status --json' }),
    };
  }
  const { runTui } = await import('@gander/tui');
  try {
    await runTui({ provider: ctx.provider, noColor: ctx.options.noColor || Boolean(ctx.env.NO_COLOR) });
    return { currentVersion: await ctx.provider.version() };
  } catch (error) {
    return { error };
  }
}

