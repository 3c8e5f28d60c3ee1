import { DotenvError, envFileMode, loadEnvFile, type EnvSources } from './args/dotenv.js';
import type { ParsedArgs } from './args/flags.js';
import { loadEnvConfig, resolveInvocation } from './args/merge-args.js';
import type { CliOptions, CommandOutcome } from './commands/context.js';
import { NO_DB_HANDLERS } from './commands/registry.js';
import { CliError } from './errors.js';
import type { RunIO } from './io.js';
import { colorEnabled, palette } from './output/colors.js';
import { Logger } from './output/logger.js';
import { discardEarlyConnection, startEarlyConnect } from './early-connect.js';
import type { BaseContext } from './run/db-command.js';
import type { finish as finishReport, ReportSettings } from './run/report.js';
import { usablePath } from './run/usable-path.js';
import { boolFlag, resolveOptions, stringFlag } from './run/resolve-options.js';
import { usageText } from './usage.js';

// The report and the database command load @gander/core: imported when needed, so that a postgres
// command can start connecting first (early-connect.ts).
async function finish(...args: Parameters<typeof finishReport>): Promise<number> {
  return (await import('./run/report.js')).finish(...args);
}

/** Everything after flag parsing and -version, in goose's order: .env, options, usage, the command. */
export async function execute(parsed: ParsedArgs, io: RunIO): Promise<number> {
  const settings: ReportSettings = { json: boolFlag(parsed.values, 'json'), verbose: boolFlag(parsed.values, 'v'), stdout: io.stdout };
  const now = io.now ?? (() => new Date());
  const quietLog = new Logger(io.stderr, now, settings.json);
  const firstArg = parsed.args[0] ?? '';

  // goose loads the env file first (after -version). A file that does not parse is an error, the default .env too.
  let envSources: EnvSources;
  try {
    envSources = await loadEnvFile(envFileMode(stringFlag(parsed.values, 'env')), io.env, io.cwd, { allKeys: boolFlag(parsed.values, 'env-all') });
  } catch (error) {
    if (!(error instanceof DotenvError)) throw error;
    const failure = new CliError('E_ENV_FILE', error.message, { hint: 'fix that line (godotenv v1.5.1 rules, as goose reads it), or pass -env none to load no file' });
    return finish({ command: firstArg, outcome: { error: failure }, errorPrefix: 'failed to load env file' }, quietLog, settings);
  }

  let options: CliOptions;
  try {
    options = resolveOptions(parsed, io);
  } catch (error) {
    return finish({ command: firstArg, outcome: { error }, errorPrefix: 'gander' }, quietLog, settings);
  }
  const colors = palette(colorEnabled({ isTTY: io.isTTY, noColorFlag: options.noColor, env: io.env }));
  const log = new Logger(io.stderr, now, options.json);

  if (boolFlag(parsed.values, 'h')) {
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
    if (options.json) await finish({ command: firstArg, outcome: { error }, errorPrefix: `${options.logPrefix} run` }, log, settings);
    return 1;
  }
  const base: BaseContext = {
    options,
    flags: parsed.values,
    io,
    env: io.env,
    envSources,
    log,
    colors,
    usablePath: (p) => usablePath(io.cwd, p),
    print: (text) => {
      if (!options.json) io.stdout.write(text);
    },
  };
  if (invocation.kind !== 'no-db') {
    if (invocation.kind === 'db' && (invocation.driver === 'postgres' || invocation.driver === 'pgx')) {
      await startEarlyConnect(invocation.dbstring, io.env, { certfile: options.certfile, sslCert: options.sslCert, sslKey: options.sslKey }, io.cwd);
    }
    try {
      const { runDbCommand } = await import('./run/db-command.js');
      return await runDbCommand(base, invocation, settings);
    } finally {
      discardEarlyConnection();
    }
  }

  const errorPrefix = invocation.command === 'validate' ? `${options.logPrefix} validate` : `${options.logPrefix} run`;
  let outcome: CommandOutcome;
  try {
    const handler = await NO_DB_HANDLERS[invocation.command]!();
    outcome = await handler({ ...base, command: invocation.command, args: invocation.args });
  } catch (error) {
    outcome = { error };
  }
  return finish({ command: invocation.command, outcome, errorPrefix, dirPath: usablePath(io.cwd, options.dir) }, log, settings);
}
