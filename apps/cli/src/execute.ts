import { isAbsolute, join, resolve } from 'node:path';
import { collectMigrations, createProvider, describeDataDirHolder, extensionsCreatedBy, GanderError, redactSecrets, type MigrationResult, type MigrationSource } from '@gander/core';
import { DotenvError, envFileMode, loadEnvFile } from './args/dotenv.js';
import type { FlagValue, ParsedArgs } from './args/flags.js';
import { DEFAULT_DIR, loadEnvConfig, resolveInvocation, type Invocation } from './args/merge-args.js';
import { checkDbCommand } from './commands/check-args.js';
import type { CliOptions, CommandContext, CommandOutcome, DbCommandContext } from './commands/context.js';
import { logProgress, type RunTrace } from './commands/progress.js';
import { DB_HANDLERS, NO_DB_HANDLERS } from './commands/registry.js';
import { assertTuiCanRun } from './commands/tui.js';
import { embeddedTarget, openTarget, resolveTarget, targetSecrets, type OpenedDatabase, type Target } from './connect.js';
import { CliError } from './errors.js';
import type { RunIO } from './io.js';
import { colorEnabled, palette, type Palette } from './output/colors.js';
import { formatGoDuration } from './output/duration.js';
import { describeError, errorDetailLines, jsonError, type ErrorReport } from './output/errors.js';
import { toJsonText, type JsonDocument, type JsonResult } from './output/json.js';
import { Logger } from './output/logger.js';
import { releaseProviderOptions, resolveReleaseOptions } from './release-options.js';
import { interruptedReport } from './output/interrupted.js';
import { checkedLabel, printableReport } from './output/printable-report.js';
import { SIGNAL_EXIT_CODES, watchStopSignals, type StopSignal } from './signals.js';
import { usageText } from './usage.js';

/** Everything after flag parsing and -version: .env, the command, its output, the exit code. */

function str(values: Map<string, FlagValue>, name: string): string {
  const v = values.get(name);
  return typeof v === 'string' ? v : '';
}
const bool = (values: Map<string, FlagValue>, name: string) => values.get(name) === true;
const num = (values: Map<string, FlagValue>, name: string) => {
  const v = values.get(name);
  return typeof v === 'number' ? v : 0;
};

function resolveOptions(parsed: ParsedArgs, io: RunIO): CliOptions {
  const v = parsed.values;
  const config = loadEnvConfig(io.env);
  const prefixText = str(v, 'log-prefix') || io.env.GANDER_LOG_PREFIX || 'goose';
  if (prefixText !== 'goose' && prefixText !== 'gander') {
    throw new CliError('E_USAGE', `invalid log prefix ${JSON.stringify(prefixText)}: it is goose or gander`, {
      hint: 'pass -log-prefix=goose (the default, for scripts that grep goose output) or -log-prefix=gander',
    });
  }
  let dir = str(v, 'dir');
  // goose: GOOSE_MIGRATION_DIR counts only while -dir is still its default ".".
  if (dir === DEFAULT_DIR && config.dir !== '') dir = config.dir;
  return {
    dir,
    table: str(v, 'table') || config.table,
    verbose: bool(v, 'v'),
    sequential: bool(v, 's'),
    allowMissing: bool(v, 'allow-missing'),
    noVersioning: bool(v, 'no-versioning'),
    noColor: bool(v, 'no-color'),
    timeoutMs: num(v, 'timeout'),
    envFile: str(v, 'env'),
    certfile: str(v, 'certfile'),
    sslCert: str(v, 'ssl-cert'),
    sslKey: str(v, 'ssl-key'),
    json: bool(v, 'json'),
    logPrefix: prefixText,
    envLabel: checkedLabel(str(v, 'env-label') || io.env.GANDER_ENV || undefined),
    lockTimeoutMs: num(v, 'lock-timeout'),
    noLock: bool(v, 'no-lock'),
    allowDrift: bool(v, 'allow-drift'),
    release: resolveReleaseOptions(v, parsed.given, io.env),
  };
}

interface Finish {
  command: string;
  outcome: CommandOutcome;
  /** `goose run`, `goose validate`, …: what the error line starts with. */
  errorPrefix: string;
  target?: Target;
  dirPath?: string;
  trace?: RunTrace;
  timedOutAfterMs?: number;
  interruptedBy?: StopSignal;
}

function jsonResult(r: MigrationResult): JsonResult {
  return {
    version: r.version.toString(),
    file: r.file,
    direction: r.direction,
    durationMs: Math.round(r.durationMs * 1000) / 1000,
    empty: r.empty,
    ok: r.error === undefined && r.rolledBack !== true,
    ...(r.group === undefined ? {} : { group: r.group }),
    ...(r.rolledBack ? { rolledBack: true } : {}),
    ...(r.attempts === undefined ? {} : { attempts: r.attempts }),
  };
}

class Session {
  json = false;
  verbose = false;

  constructor(readonly io: RunIO) {}

  /** A path from the command line, usable by this process (kept relative when our cwd is the user's). */
  usablePath(path: string): string {
    return isAbsolute(path) || this.io.cwd === process.cwd() ? path : resolve(this.io.cwd, path);
  }

  /** Report the outcome: error lines on stderr, the JSON document on stdout; returns the exit code. */
  finish(f: Finish, log: Logger, colors: Palette): number {
    let report: ErrorReport | undefined;
    if (f.outcome.error !== undefined || f.timedOutAfterMs !== undefined || f.interruptedBy !== undefined) {
      const dirPath = f.dirPath;
      const stopped = new CliError(f.interruptedBy ? 'E_INTERRUPTED' : 'E_TIMEOUT', 'the command was stopped');
      report = describeError(f.outcome.error ?? stopped, targetSecrets(f.target), (file) =>
        dirPath === undefined ? file : join(dirPath, file),
      );
      if (f.timedOutAfterMs !== undefined) {
        report = {
          ...report,
          code: 'E_TIMEOUT',
          message: `context deadline exceeded: the command ran longer than -timeout ${formatGoDuration(f.timedOutAfterMs * 1e6)} and was stopped: ${report.message}`,
          hint: 'raise -timeout, or see what the statement waits for: SELECT pid, wait_event_type, wait_event, query FROM pg_stat_activity',
        };
      }
      if (f.interruptedBy !== undefined) report = interruptedReport(report, f.interruptedBy, f.outcome.error !== undefined);
      report = printableReport(report);
      // Our own bug reads differently from an error the user can fix.
      log.print(colors.red(report.internal ? `gander: internal error: ${report.message}` : `${f.errorPrefix}: ${report.message}`));
      // The last statement started is the failing one only when the error is a statement's.
      const last = report.excerpt === undefined ? undefined : f.trace?.lastStatement;
      const fullStatement = last === undefined ? undefined : redactSecrets(last, targetSecrets(f.target));
      const detail = errorDetailLines(report, { verbose: this.verbose, ...(fullStatement === undefined ? {} : { fullStatement }) });
      if (detail.length > 0) log.raw(`${detail.join('\n')}\n`);
    }
    if (this.json) {
      const doc: JsonDocument = {
        ok: report === undefined,
        command: f.command,
        ...(f.target ? { driver: f.target.driver, target: f.target.display } : {}),
        results: (f.outcome.results ?? f.trace?.results ?? []).map(jsonResult),
        currentVersion: f.outcome.currentVersion === undefined || f.outcome.currentVersion === null ? null : f.outcome.currentVersion.toString(),
        error: report ? jsonError(report) : null,
        ...f.outcome.extra,
      };
      this.io.stdout.write(toJsonText(doc));
    }
    if (f.interruptedBy !== undefined) return SIGNAL_EXIT_CODES[f.interruptedBy];
    return report ? 1 : 0;
  }
}

/**
 * The promise's value, or undefined after `ms`. The timer is cleared as soon
 * as the promise settles, so a cap never keeps the process alive by itself.
 */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<undefined>((done) => {
    timer = setTimeout(() => done(undefined), ms);
  });
  try {
    return await Promise.race([promise, cap]);
  } finally {
    clearTimeout(timer);
  }
}

/** Run the work; past `timeoutMs`, cancel what the database runs and give the work a moment to come back. */
async function withTimeout(
  timeoutMs: number,
  work: () => Promise<CommandOutcome>,
  cancel: () => Promise<void>,
  signal: Promise<StopSignal> = new Promise(() => undefined),
): Promise<{ outcome: CommandOutcome | undefined; timedOut: boolean; interruptedBy?: StopSignal }> {
  const settled = work().then(
    (outcome) => outcome,
    (error: unknown) => ({ error }) as CommandOutcome,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((done) => {
    if (timeoutMs > 0) timer = setTimeout(() => done('timeout'), timeoutMs);
  });
  // A stop signal is handled like the deadline: cancel, then give the work a moment to report.
  const first = await Promise.race([settled, deadline, signal.then((name) => ({ signal: name }))]);
  clearTimeout(timer);
  if (first !== 'timeout' && !('signal' in first)) return { outcome: first, timedOut: false };
  await cancel();
  const late = await withinMs(settled, 5000);
  return first === 'timeout' ? { outcome: late, timedOut: true } : { outcome: late, timedOut: false, interruptedBy: first.signal };
}

async function sourcesFor(command: string, dir: string): Promise<MigrationSource[]> {
  try {
    return await collectMigrations(dir);
  } catch (error) {
    // The audit log needs no migration files; the TUI opens on an empty list.
    if ((command === 'history' || command === 'tui') && error instanceof GanderError && (error.code === 'E_NO_MIGRATIONS' || error.code === 'E_DIR_NOT_FOUND')) return [];
    throw error;
  }
}

async function closeQuietly(opened: OpenedDatabase, capMs: number): Promise<void> {
  await withinMs(opened.db.close().catch(() => undefined), capMs);
}

async function runDbCommand(
  session: Session,
  base: Omit<CommandContext, 'command' | 'args'>,
  invocation: Extract<Invocation, { kind: 'db' | 'embedded' }>,
): Promise<number> {
  const { io, log, colors, options } = base;
  const errorPrefix = `${options.logPrefix} run`;
  const command = invocation.command;
  let target: Target | undefined;
  const dirPath = session.usablePath(options.dir);
  try {
    target = invocation.kind === 'embedded' ? embeddedTarget(io.cwd) : resolveTarget(invocation.driver, invocation.dbstring, io.cwd, io.env);
    checkDbCommand(command, invocation.args);
    if (command === 'tui') assertTuiCanRun(io, options.json);
  } catch (error) {
    return session.finish({ command, outcome: { error }, errorPrefix, target }, log, colors);
  }
  if (invocation.kind === 'embedded') io.stderr.write(`gander: no DRIVER/DBSTRING given: using the embedded database in .gander/pglite\n`);
  const trace: RunTrace = { lastStatement: undefined, results: [] };
  let opened = undefined as OpenedDatabase | undefined;
  let timedOut = false;
  let interruptedBy: StopSignal | undefined;
  const signals = watchStopSignals();
  let outcome: CommandOutcome | undefined;
  try {
    const sources = await sourcesFor(command, dirPath);
    const handler = await DB_HANDLERS[command]!();
    // -timeout covers connecting too, as goose's context covers pgx's lazy connect.
    const ran = await withTimeout(
      options.timeoutMs,
      async () => {
        opened = await openTarget(
          target,
          { certfile: options.certfile, sslCert: options.sslCert, sslKey: options.sslKey },
          io.cwd,
          extensionsCreatedBy(sources),
          {
            timeoutMs: options.lockTimeoutMs,
            onWait: (holder) => log.print(`${options.logPrefix}: waiting for the embedded database, in use by ${describeDataDirHolder(holder)}`),
          },
        );
        const provider = await createProvider({
          db: opened.db,
          sources,
          ...(options.table ? { table: options.table } : {}),
          allowMissing: options.allowMissing,
          noVersioning: options.noVersioning,
          lockTimeoutMs: options.lockTimeoutMs,
          disableLock: options.noLock,
          ...(options.envLabel ? { envLabel: options.envLabel } : {}),
          allowDrift: options.allowDrift,
          env: io.env,
          ...releaseProviderOptions(options.release),
        });
        const ctx: DbCommandContext = { ...base, command, args: invocation.args, provider, target };
        const unsubscribe = logProgress(ctx, trace);
        try {
          return await handler(ctx);
        } finally {
          unsubscribe();
        }
      },
      async () => {
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
  return session.finish(
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
    colors,
  );
}

export async function execute(parsed: ParsedArgs, io: RunIO): Promise<number> {
  const session = new Session(io);
  session.json = parsed.values.get('json') === true;
  session.verbose = parsed.values.get('v') === true;
  const quietLog = new Logger(io.stderr, io.now ?? (() => new Date()), session.json);
  const plain = palette(false);

  // goose loads the env file first (after -version), and fails hard only for an explicit -env PATH.
  try {
    await loadEnvFile(envFileMode(str(parsed.values, 'env')), io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof DotenvError)) throw error;
    const failure = new CliError('E_ENV_FILE', error.message, { hint: 'check the -env path, or pass -env none to load no file' });
    return session.finish({ command: parsed.args[0] ?? '', outcome: { error: failure }, errorPrefix: 'failed to load env file' }, quietLog, plain);
  }

  let options: CliOptions;
  try {
    options = resolveOptions(parsed, io);
  } catch (error) {
    return session.finish({ command: parsed.args[0] ?? '', outcome: { error }, errorPrefix: 'gander' }, quietLog, plain);
  }
  const colors = palette(colorEnabled({ isTTY: io.isTTY, noColorFlag: options.noColor, env: io.env }));
  const log = new Logger(io.stderr, io.now ?? (() => new Date()), options.json);

  if (bool(parsed.values, 'h')) {
    io.stdout.write(usageText());
    return 0;
  }
  // goose prints its usage when given no command; on a terminal gander opens its TUI instead.
  const args = parsed.args.length === 0 && io.interactive === true && !options.json ? ['tui'] : parsed.args;
  const invocation = resolveInvocation(loadEnvConfig(io.env), args);
  if (invocation.kind === 'usage') {
    io.stderr.write(usageText());
    const error = new CliError('E_USAGE', parsed.args.length === 0 ? 'no command given' : 'missing DRIVER, DBSTRING or COMMAND', {
      hint: 'gander [OPTIONS] DRIVER DBSTRING COMMAND, or set GOOSE_DRIVER and GOOSE_DBSTRING; with neither, gander COMMAND uses the embedded database',
    });
    if (options.json) session.finish({ command: parsed.args[0] ?? '', outcome: { error }, errorPrefix: `${options.logPrefix} run` }, log, colors);
    return 1;
  }
  const base: Omit<CommandContext, 'command' | 'args'> = {
    options,
    flags: parsed.values,
    io,
    env: io.env,
    log,
    colors,
    usablePath: (p) => session.usablePath(p),
    print: (text) => {
      if (!options.json) io.stdout.write(text);
    },
  };
  if (invocation.kind === 'no-db') {
    const errorPrefix = invocation.command === 'validate' ? `${options.logPrefix} validate` : `${options.logPrefix} run`;
    let outcome: CommandOutcome;
    try {
      const handler = await NO_DB_HANDLERS[invocation.command]!();
      outcome = await handler({ ...base, command: invocation.command, args: invocation.args });
    } catch (error) {
      outcome = { error };
    }
    return session.finish({ command: invocation.command, outcome, errorPrefix, dirPath: session.usablePath(options.dir) }, log, colors);
  }
  return runDbCommand(session, base, invocation);
}
