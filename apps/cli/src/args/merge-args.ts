import type { Env } from './dotenv.js';
import { parseGoBool } from './go-strconv.js';

/** goose's loadEnvConfig: each variable counts only when non-empty (envOr). */
export interface EnvConfig {
  driver: string;
  dbstring: string;
  /** GOOSE_MIGRATION_DIR, "." when unset. */
  dir: string;
  table: string;
  /** NO_COLOR read as goose reads it (strconv.ParseBool). */
  noColor: boolean;
}

export const DEFAULT_DIR = '.';

function envOr(env: Env, key: string, fallback: string): string {
  const value = env[key];
  return value === undefined || value === '' ? fallback : value;
}

export function loadEnvConfig(env: Env): EnvConfig {
  return {
    driver: envOr(env, 'GOOSE_DRIVER', ''),
    dbstring: envOr(env, 'GOOSE_DBSTRING', ''),
    dir: envOr(env, 'GOOSE_MIGRATION_DIR', DEFAULT_DIR),
    table: envOr(env, 'GOOSE_TABLE', ''),
    noColor: parseGoBool(envOr(env, 'NO_COLOR', 'false')) ?? false,
  };
}

/** goose's mergeArgs: GOOSE_DRIVER is prepended, then GOOSE_DBSTRING goes in at position 1. */
export function mergeArgs(config: EnvConfig, args: readonly string[]): string[] {
  if (args.length < 1) return [...args];
  let out = [...args];
  if (config.driver !== '') out = [config.driver, ...out];
  if (config.dbstring !== '') out = [out[0]!, config.dbstring, ...out.slice(1)];
  return out;
}

/** Dispatched before mergeArgs, as in goose: no DRIVER/DBSTRING needed or read. */
export const NO_DB_COMMANDS = ['init', 'create', 'fix', 'env', 'validate', 'fleet', 'lint', 'squash'] as const;

/** Commands that talk to a database (goose's run() commands, and gander's plan and history). */
export const DB_COMMANDS = [
  'up',
  'up-by-one',
  'up-to',
  'down',
  'down-to',
  'redo',
  'reset',
  'status',
  'version',
  'plan',
  'history',
  'baseline',
  'tui',
] as const;

export type Invocation =
  | { kind: 'no-db'; command: string; args: string[] }
  | { kind: 'db'; driver: string; dbstring: string; command: string; args: string[] }
  /** No DRIVER, DBSTRING, GOOSE_DRIVER or GOOSE_DBSTRING: the embedded database. */
  | { kind: 'embedded'; command: string; args: string[] }
  | { kind: 'usage' };

const isNoDb = (c: string | undefined) => c !== undefined && (NO_DB_COMMANDS as readonly string[]).includes(c);
const isDb = (c: string | undefined) => c !== undefined && (DB_COMMANDS as readonly string[]).includes(c);

/** Split the positional arguments into what to run, as goose's main() does, plus the embedded default. */
export function resolveInvocation(config: EnvConfig, args: readonly string[]): Invocation {
  if (args.length === 0) return { kind: 'usage' };
  if (isNoDb(args[0])) return { kind: 'no-db', command: args[0]!, args: args.slice(1) };
  if (config.driver === '' && config.dbstring === '' && isDb(args[0])) {
    return { kind: 'embedded', command: args[0]!, args: args.slice(1) };
  }
  const merged = mergeArgs(config, args);
  if (merged.length < 3) return { kind: 'usage' };
  const [driver, dbstring, command] = [merged[0]!, merged[1]!, merged[2]!];
  // goose's run() also takes create and fix after DRIVER DBSTRING; they never connect.
  if (command === 'create' || command === 'fix') return { kind: 'no-db', command, args: merged.slice(3) };
  return { kind: 'db', driver, dbstring, command, args: merged.slice(3) };
}
