import { DEFAULT_TABLE_NAME } from '@gander/core';
import { loadEnvConfig } from '../args/merge-args.js';
import { goQuote } from '../args/go-strconv.js';
import { embeddedTarget, resolveTarget, type Target } from '../connect.js';
import type { CommandContext, CommandOutcome } from './context.js';
import { maskConnectionString } from '@gander/core';

/** `.env:3`, `the environment`, or `nowhere (unset)`. */
function sourceOf(ctx: CommandContext, name: string): string {
  const file = ctx.envSources.get(name);
  if (file !== undefined) return file;
  return (ctx.env[name] ?? '') === '' ? 'nowhere (unset)' : 'the environment';
}

/**
 * goose env: GOOSE_DRIVER, GOOSE_DBSTRING, GOOSE_MIGRATION_DIR, GOOSE_TABLE
 * and NO_COLOR as `NAME="value"` (Go %q), with the DBSTRING's password masked
 * (goose prints it as is); then what gander resolved from them, then (as
 * `# NAME from …` comments) where each of goose's variables came from.
 */
export async function envCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const config = loadEnvConfig(ctx.env);
  let target: Target | undefined;
  let targetError: string | undefined;
  try {
    target =
      config.driver === '' && config.dbstring === ''
        ? embeddedTarget(ctx.io.cwd)
        : resolveTarget(config.driver || 'postgres', config.dbstring, ctx.io.cwd, ctx.env);
  } catch (error) {
    targetError = (error as Error).message;
  }
  const goose: [string, string][] = [
    ['GOOSE_DRIVER', config.driver],
    ['GOOSE_DBSTRING', config.dbstring === '' ? '' : maskConnectionString(config.dbstring)],
    ['GOOSE_MIGRATION_DIR', config.dir],
    ['GOOSE_TABLE', config.table],
    ['NO_COLOR', String(config.noColor)],
  ];
  const gander: [string, string][] = [
    ['GANDER_DRIVER', target ? (target.driver === 'pglite' && target.embedded ? 'pglite (embedded)' : target.driver) : ''],
    ['GANDER_TARGET', target ? target.display : `invalid: ${targetError ?? ''}`],
    ['GANDER_MIGRATION_DIR', ctx.options.dir],
    ['GANDER_TABLE', ctx.options.table || DEFAULT_TABLE_NAME],
    ['GANDER_LOG_PREFIX', ctx.options.logPrefix],
    ['GANDER_ENV', ctx.options.envLabel ?? ''],
  ];
  // Where each of goose's variables came from, as shell comments so the output stays sourceable.
  const sources = goose.map(([name]) => [name, sourceOf(ctx, name)] as const);
  ctx.print(
    [...goose, ...gander].map(([name, value]) => `${name}=${goQuote(value)}\n`).join('') +
      sources.map(([name, from]) => `# ${name} from ${from}\n`).join(''),
  );
  return { extra: { env: Object.fromEntries([...goose, ...gander]), sources: Object.fromEntries(sources) } };
}
