import { collectMigrations, createProvider, describeDataDirHolder, extensionsCreatedBy, GanderError, type MigrationSource, type Provider } from '@gander/core';
import type { PgliteInWorker, WithProvider } from '@gander/tui';
import { watch as watchDir } from 'node:fs';
import { CliError } from '../errors.js';
import type { RunIO } from '../io.js';
import type { CommandOutcome, DbCommandContext } from './context.js';
import type { Target } from '../connect.js';
import { cliProviderOptions } from '../run/provider-options.js';
import { lintPlannedUp } from './plan-lint.js';

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

/** An empty or absent folder opens on an empty list: the history and unknown versions are still worth seeing. */
async function sourcesOrNone(dir: string): Promise<MigrationSource[]> {
  try {
    return await collectMigrations(dir);
  } catch (error) {
    if (error instanceof GanderError && (error.code === 'E_NO_MIGRATIONS' || error.code === 'E_DIR_NOT_FOUND')) return [];
    throw error;
  }
}

/**
 * A provider over the files as they are now, on the command line's database
 * and options. The TUI asks for one before every plan, so a file fixed while
 * it is open is what runs; it is not the command's own provider, whose
 * progress lines would be printed over the screen.
 */
function providerLoader(ctx: DbCommandContext) {
  const { options } = ctx;
  return async ({ allowDrift }: { allowDrift: boolean }): Promise<Provider> =>
    createProvider({
      db: ctx.provider.db,
      sources: await sourcesOrNone(ctx.usablePath(options.dir)),
      ...cliProviderOptions(options, ctx.io.env),
      allowDrift: options.allowDrift || allowDrift,
    });
}

/** Quiet time before a change counts: an editor's save is several events. */
const SETTLE_MS = 250;

/** Re-read the list when a file in the folder changes; nothing (no error) where the folder cannot be watched. */
function folderWatcher(dir: string) {
  return (onChange: () => void) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const watcher = watchDir(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(onChange, SETTLE_MS);
      });
      watcher.on('error', () => watcher.close());
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    } catch {
      // A missing folder, or no watch support: R and every plan still re-read.
      return () => undefined;
    }
  };
}

/**
 * The embedded database for the TUI: PGlite in a worker thread (a long
 * statement never freezes the screen), opened for each operation and closed
 * after it, so the data directory's lock is free while the TUI waits for keys.
 */
function embeddedUses(ctx: TuiCommandContext, pglite: PgliteInWorker): WithProvider {
  const { options } = ctx;
  return async ({ allowDrift, onWait }, work) => {
    const sources = await sourcesOrNone(ctx.usablePath(options.dir));
    return pglite.use(
      async (db) => work(await createProvider({ db, sources, ...cliProviderOptions(options, ctx.io.env), allowDrift: options.allowDrift || allowDrift })),
      { extensions: extensionsCreatedBy(sources), ...(onWait ? { onWait: (holder) => onWait(describeDataDirHolder(holder)) } : {}) },
    );
  };
}

/**
 * What `gander tui` gets: on PostgreSQL the command's connection (its
 * provider); on the embedded database none, because the TUI opens PGlite
 * itself in a worker, once per operation.
 */
export type TuiCommandContext = Omit<DbCommandContext, 'provider'> & { provider?: Provider; target: Target };

/**
 * `gander tui` (and `gander` with no command on a terminal): the interactive
 * session of @gander/tui over this command line's database. Loaded only here,
 * so no other command pays for Ink and React. A run the user stopped with
 * migrations left ends the process non-zero, with what ran and what did not.
 */
export async function tuiCommand(ctx: TuiCommandContext): Promise<CommandOutcome> {
  const { runTui, TuiError, pgliteInWorker } = await import('@gander/tui');
  let pglite: PgliteInWorker | undefined;
  try {
    const dir = ctx.usablePath(ctx.options.dir);
    let provider: Provider | undefined;
    let source;
    if (ctx.target.driver === 'pglite') {
      pglite = pgliteInWorker({ dataDir: ctx.target.dataDir, lockTimeoutMs: ctx.options.lockTimeoutMs });
      source = { withProvider: embeddedUses(ctx, pglite), target: ctx.target.display };
    } else {
      if (!ctx.provider) throw new CliError('E_INTERNAL', "gander tui on PostgreSQL was started without the command's connection");
      const load = providerLoader({ ...ctx, provider: ctx.provider });
      provider = await load({ allowDrift: false });
      source = { provider, load };
    }
    const summary = await runTui({
      ...source,
      driftAllowed: ctx.options.allowDrift,
      watch: folderWatcher(dir),
      noColor: ctx.options.noColor || Boolean(ctx.env.NO_COLOR),
      // What `plan --json` says about the same files.
      lint: (plan) => lintPlannedUp(plan, dir),
    });
    const stopped = summary.interrupted;
    const currentVersion = stopped ? stopped.currentVersion : await provider?.version();
    if (stopped) {
      const ran = stopped.ran.length === 0 ? 'nothing' : stopped.ran.join(', ');
      return {
        currentVersion,
        error: new TuiError(
          'E_INTERRUPTED',
          `${stopped.operation} stopped by the user: ran ${ran}; not run: ${stopped.notRun.join(', ')}; the database is at version ${currentVersion}`,
          'run the command again to apply the rest',
        ),
      };
    }
    return { currentVersion };
  } catch (error) {
    return { error };
  } finally {
    await pglite?.dispose();
  }
}
