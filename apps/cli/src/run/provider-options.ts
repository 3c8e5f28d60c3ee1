import type { ProviderOptions } from '@gander/core';
import type { Env } from '../args/dotenv.js';
import type { CliOptions } from '../commands/context.js';
import { releaseProviderOptions } from '../release-options.js';

/**
 * The provider settings the command line's flags make, for every face that
 * builds a provider (a database command, the TUI, each database of a fleet):
 * one place, so a flag such as --single-transaction or --lock-mode reaches
 * all of them.
 */
export function cliProviderOptions(options: CliOptions, env: Env): Omit<ProviderOptions, 'db' | 'dir' | 'sources' | 'onEvent'> {
  return {
    ...(options.table ? { table: options.table } : {}),
    allowMissing: options.allowMissing,
    noVersioning: options.noVersioning,
    lockTimeoutMs: options.lockTimeoutMs,
    disableLock: options.noLock,
    ...(options.envLabel ? { envLabel: options.envLabel } : {}),
    allowDrift: options.allowDrift,
    env,
    ...releaseProviderOptions(options.release),
  };
}
