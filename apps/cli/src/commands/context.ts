import type { MigrationResult, Provider } from '@gander/core';
import type { Env, EnvSources } from '../args/dotenv.js';
import type { FlagValue } from '../args/flags.js';
import type { Target } from '../connect.js';
import type { RunIO } from '../io.js';
import type { Palette } from '../output/colors.js';
import type { Logger } from '../output/logger.js';
import type { ReleaseOptions } from '../release-options.js';

/** The flags, resolved against the environment. */
export interface CliOptions {
  dir: string;
  /** Version table: -table, else GOOSE_TABLE, else goose_db_version. */
  table: string;
  verbose: boolean;
  sequential: boolean;
  allowMissing: boolean;
  noVersioning: boolean;
  noColor: boolean;
  timeoutMs: number;
  envFile: string;
  certfile: string;
  sslCert: string;
  sslKey: string;
  json: boolean;
  logPrefix: 'goose' | 'gander';
  envLabel: string | undefined;
  lockTimeoutMs: number;
  noLock: boolean;
  allowDrift: boolean;
  /** Issue 19: single transaction, lock-timeout guard, lock mode, retry-failed, baseline's reason/force. */
  release: ReleaseOptions;
}

export interface CommandContext {
  command: string;
  args: string[];
  options: CliOptions;
  /** Every flag's value by name (defaults filled in), for commands with flags of their own (fleet, lint). */
  flags: ReadonlyMap<string, FlagValue>;
  io: RunIO;
  env: Env;
  /** The variables the -env file set, and the file:line each came from. */
  envSources: EnvSources;
  log: Logger;
  colors: Palette;
  /** A path as the user gave it, usable from this process (relative paths stay relative when cwd is ours, so messages match goose's). */
  usablePath(path: string): string;
  /** Writes to stdout unless --json (then the JSON document is the only stdout). */
  print(text: string): void;
}

export interface DbCommandContext extends CommandContext {
  provider: Provider;
  target: Target;
}

/** What a command hands back for the exit code and the --json document. */
export interface CommandOutcome {
  results?: readonly MigrationResult[];
  currentVersion?: bigint | null;
  error?: unknown;
  /** Command-specific members of the JSON document. */
  extra?: Record<string, unknown>;
}
