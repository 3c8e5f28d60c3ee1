import { CliError } from '../errors.js';
import type { RunIO } from '../io.js';
import type { CommandOutcome, DbCommandContext } from './context.js';

/** Checked before connecting: opening the database (seconds on PGlite) is wasted when the TUI cannot run. */
export function assertTuiCanRun(io: RunIO, json: boolean): void {
  if (json) {
    throw new CliError('E_USAGE', 'gander tui is interactive and has no --json form', { hint: 'use gander status --json' });
  }
  if (io.interactive !== true) {
    throw new CliError(
      'E_NOT_A_TTY',
      'gander tui needs an interactive terminal, but stdin or stdout is not a TTY; use the CLI instead: `gander status` to list migrations, `gander up` to apply them',
      { hint: 'run `gander tui` in a terminal, or script the CLI commands (`gander status`, `gander up`, `gander down`)' },
    );
  }
}

/**
 * `gander tui` (and `gander` with no command on a terminal): the interactive
 * session of @gander/tui over this command line's provider. Loaded only here,
 * so no other command pays for Ink and React.
 */
export async function tuiCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const { runTui } = await import('@gander/tui');
  try {
    await runTui({ provider: ctx.provider, noColor: ctx.options.noColor || Boolean(ctx.env.NO_COLOR) });
    return { currentVersion: await ctx.provider.version() };
  } catch (error) {
    return { error };
  }
}

