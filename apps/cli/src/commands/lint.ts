import { formatReport, OUTPUT_FORMATS, readDatabaseContext, runLint, type DatabaseContext, type LintReport, type OutputFormat } from '@gander/lint';
import type { FlagValue } from '../args/flags.js';
import type { OpenedDatabase } from '../connect.js';
import { CliError } from '../errors.js';
import { CLI_VERSION } from '../version.js';
import type { CommandContext, CommandOutcome } from './context.js';

function text(flags: ReadonlyMap<string, FlagValue>, name: string): string {
  const value = flags.get(name);
  return typeof value === 'string' ? value : '';
}

function outputFormat(flags: ReadonlyMap<string, FlagValue>): OutputFormat {
  const format = text(flags, 'format') || 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError('E_USAGE', `lint: -format ${JSON.stringify(format)} is not a format`, { hint: `use one of: ${OUTPUT_FORMATS.join(', ')}` });
  }
  return format as OutputFormat;
}

/** -db DBSTRING (with GOOSE_DRIVER, default postgres), else GOOSE_DRIVER + GOOSE_DBSTRING, else no database. */
function databaseTarget(ctx: CommandContext, flags: ReadonlyMap<string, FlagValue>): { driver: string; dbstring: string } | undefined {
  const dbstring = text(flags, 'db') || ctx.env.GOOSE_DBSTRING || '';
  if (dbstring === '') return undefined;
  return { driver: ctx.env.GOOSE_DRIVER || 'postgres', dbstring };
}

async function readDatabase(ctx: CommandContext, dir: string, where: { driver: string; dbstring: string }): Promise<DatabaseContext> {
  // Loaded only in database mode: a lint of files alone never needs the provider or a driver.
  const [{ collectMigrations, createProvider }, { openTarget, resolveTarget }] = await Promise.all([import('@gander/core'), import('../connect.js')]);
  const target = resolveTarget(where.driver, where.dbstring, ctx.io.cwd, ctx.env);
  let opened: OpenedDatabase | undefined;
  try {
    opened = await openTarget(target, { certfile: ctx.options.certfile, sslCert: ctx.options.sslCert, sslKey: ctx.options.sslKey }, ctx.io.cwd);
    const provider = await createProvider({
      db: opened.db,
      sources: await collectMigrations(dir),
      ...(ctx.options.table ? { table: ctx.options.table } : {}),
      disableLock: true,
      env: ctx.env,
    });
    return await readDatabaseContext(provider, opened.db);
  } finally {
    await opened?.db.close().catch(() => undefined);
  }
}

function summaryLine(report: LintReport): string {
  const { errors, warnings } = report.summary;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/**
 * `gander lint [PATH…]`: goose's splitting and PostgreSQL's grammar, then the
 * rules. Exit 1 on an error finding (or a warning with -fail-on-warnings).
 */
export async function lintCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const flags = ctx.flags;
  const format = outputFormat(flags);
  const dir = ctx.usablePath(ctx.options.dir);
  const paths = ctx.args.length > 0 ? ctx.args.map((p) => ctx.usablePath(p)) : [dir];
  const where = databaseTarget(ctx, flags);
  const database = where === undefined ? undefined : await readDatabase(ctx, dir, where);
  const since = text(flags, 'since');
  const config = text(flags, 'lint-config');
  const report = await runLint({
    paths,
    cwd: ctx.io.cwd,
    ...(config === '' ? {} : { configPath: config }),
    ...(since === '' ? {} : { since }),
    ...(database === undefined ? {} : { database }),
  });
  ctx.print(formatReport(report, format, CLI_VERSION));
  const failOnWarnings = flags.get('fail-on-warnings') === true;
  const failed = report.summary.errors > 0 || (failOnWarnings && report.summary.warnings > 0);
  return {
    extra: { findings: report.findings, summary: report.summary },
    ...(failed
      ? {
          error: new CliError('E_LINT', `lint found ${summaryLine(report)}`, {
            hint: 'fix the findings above, or suppress one with `-- gander-lint-ignore <rule> -- <reason>` on the line before the statement',
          }),
        }
      : {}),
  };
}
