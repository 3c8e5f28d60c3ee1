import { usablePath } from './usable-path.js';
import { collectMigrations, createProvider, describeDataDirHolder, extensionsCreatedBy, GanderError, type MigrationSource } from '@gander/core';
import type { Invocation } from '../args/merge-args.js';
import { checkDbCommand } from '../commands/check-args.js';
import type { CommandContext, CommandOutcome, DbCommandContext } from '../commands/context.js';
import { logProgress, type RunTrace } from '../commands/progress.js';
import { DB_HANDLERS } from '../commands/registry.js';
import { assertTuiCanRun, tuiCommand } from '../commands/tui.js';
import { embeddedTarget, openTarget, resolveTarget, type OpenedDatabase, type Target } from '../connect.js';
import { CliError } from '../errors.js';
import { assertEmbeddedAllowed } from './embedded-guard.js';
import { watchStopSignals, type StopSignal } from '../signals.js';
import { cliProviderOptions } from './provider-options.js';
import { finish, type ReportSettings } from './report.js';
import { withinMs, withTimeout } from './timeout.js';

/** One database command: the target, the migration files, the provider, the handler, under -timeout. */

export type BaseContext = Omit<CommandContext, 'command' | 'args'>;

export { usablePath } from './usable-path.js';

/** Commands that need no migration files: goose's `version` never opens the folder, the audit log needs none, the TUI opens on an empty list. */
const NEEDS_NO_FILES = new Set(['history', 'version', 'tui', 'dump']);

/** Commands that only read the version table and the audit log (PGlite opens them with a small buffer pool). */
const READ_ONLY = new Set(['status', 'version', 'history', 'plan']);

/** Where goose says `failed to collect migrations: …` (status.go, reset.go, version.go with -no-versioning). */
const COLLECT_PREFIXED = new Set(['status', 'reset']);

async function sourcesFor(command: string, dir: string, noVersioning: boolean): Promise<MigrationSource[]> {
  try {
    return await collectMigrations(dir);
  } catch (error) {
    if (!(error instanceof GanderError)) throw error;
    const readsFiles = !NEEDS_NO_FILES.has(command) || (command === 'version' && noVersioning);
    if (!readsFiles && (error.code === 'E_NO_MIGRATIONS' || error.code === 'E_DIR_NOT_FOUND')) return [];
    if (COLLECT_PREFIXED.has(command) || command === 'version') {
      throw new GanderError(error.code, `failed to collect migrations: ${error.message}`, { ...(error.hint === undefined ? {} : { hint: error.hint }), cause: error });
    }
    throw error;
  }
}

async function closeQuietly(opened: OpenedDatabase, capMs: number): Promise<void> {
  await withinMs(opened.db.close().catch(() => undefined), capMs);
}

export async function runDbCommand(
  base: BaseContext,
  invocation: Extract<Invocation, { kind: 'db' | 'embedded' }>,
  settings: ReportSettings,
): Promise<number> {
  const { io, log, options } = base;
  const errorPrefix = `${options.logPrefix} run`;
  const command = invocation.command;
  let target: Target | undefined;
  const dirPath = usablePath(io.cwd, options.dir);
  try {
    if (invocation.kind === 'embedded') assertEmbeddedAllowed(command, io.env, io.interactive === true);
  } catch (error) {
    return finish({ command, outcome: { error }, errorPrefix: 'gander' }, log, settings);
  }
  try {
    target = invocation.kind === 'embedded' ? embeddedTarget(io.cwd) : resolveTarget(invocation.driver, invocation.dbstring, io.cwd, io.env);
    checkDbCommand(command, invocation.args);
    if (command === 'tui') assertTuiCanRun(io, options.json);
  } catch (error) {
    return finish({ command, outcome: { error }, errorPrefix, target }, log, settings);
  }
  if (invocation.kind === 'embedded') io.stderr.write(`gander: no DRIVER/DBSTRING given: using the embedded database in .gander/pglite\n`);
  const trace: RunTrace = { lastStatement: undefined, results: [] };
  let opened = undefined as OpenedDatabase | undefined;
  let stopRequested = false;
  let timedOut = false;
  let interruptedBy: StopSignal | undefined;
  const signals = watchStopSignals();
  let outcome: CommandOutcome | undefined;
  const resolved = target;
  const tlsFlags = { certfile: options.certfile, sslCert: options.sslCert, sslKey: options.sslKey };
  // On postgres, connect (loading node-postgres, TLS, authentication) while the files are read: a cold
  // command waits for the slower of the two, not for both. PGlite waits for the files, which say what
  // extensions it must load at start.
  const connecting = resolved.driver === 'postgres' ? openTarget(resolved, tlsFlags, io.cwd) : undefined;
  // Its failure is reported where it is awaited (or not at all, after a collection error).
  connecting?.catch(() => undefined);
  try {
    let sources: MigrationSource[];
    try {
      sources = await sourcesFor(command, dirPath, options.noVersioning);
    } catch (error) {
      // The files are reported first, as goose collects them before it connects.
      void connecting?.then((early) => closeQuietly(early, 3000), () => undefined);
      throw error;
    }
    const handler = await DB_HANDLERS[command]!();
    // -timeout covers connecting too, as goose's context covers pgx's lazy connect.
    const ran = await withTimeout(
      options.timeoutMs,
      async () => {
        if (command === 'tui' && resolved.driver === 'pglite') {
          // The TUI opens the embedded database itself, in a worker and only while it works:
          // opening it here as well would cost a second PGlite start-up before the first screen.
          return await tuiCommand({ ...base, command, args: invocation.args, target: resolved });
        }
        opened =
          connecting !== undefined
            ? await connecting
            : await openTarget(
                resolved,
                tlsFlags,
                io.cwd,
                // Only PGlite loads extensions at start (scanning every file for CREATE EXTENSION is wasted on postgres).
                extensionsCreatedBy(sources),
                {
                  timeoutMs: options.lockTimeoutMs,
                  onWait: (holder) => log.print(`${options.logPrefix}: waiting for the embedded database, in use by ${describeDataDirHolder(holder)}`),
                },
                READ_ONLY.has(command),
              );
        // Stopped (deadline or signal) while connecting: there was nothing to cancel then, so run nothing now.
        if (stopRequested) throw new CliError('E_TIMEOUT', 'stopped while connecting: nothing was run');
        const provider = await createProvider({ db: opened.db, sources, ...cliProviderOptions(options, io.env) });
        const ctx: DbCommandContext = { ...base, command, args: invocation.args, provider, target };
        const unsubscribe = logProgress(ctx, trace);
        try {
          return await handler(ctx);
        } finally {
          unsubscribe();
        }
      },
      async () => {
        stopRequested = true;
        await opened?.cancelRunning();
      },
      signals.first,
    );
    timedOut = ran.timedOut;
    interruptedBy = ran.interruptedBy;
    outcome = ran.outcome ?? { results: trace.results };
  } catch (error) {
    outcome = { error };
  } finally {
    // PGlite must close to flush its files; a pg pool stuck on a cancelled query must not hold the exit.
    if (opened) await closeQuietly(opened, target.driver === 'pglite' ? 30_000 : 3000);
    // Without a signal, Node's defaults apply again. After one, keep listening to the end of the
    // process: a second signal must exit at once, whatever is still winding down.
    if (interruptedBy === undefined) signals.dispose();
  }
  return finish(
    {
      command,
      outcome,
      errorPrefix,
      target,
      dirPath,
      trace,
      ...(timedOut ? { timedOutAfterMs: options.timeoutMs } : {}),
      ...(interruptedBy ? { interruptedBy } : {}),
    },
    log,
    settings,
  );
}
