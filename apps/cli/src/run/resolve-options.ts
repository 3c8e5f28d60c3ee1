import type { FlagValue, ParsedArgs } from '../args/flags.js';
import { DEFAULT_DIR, loadEnvConfig } from '../args/merge-args.js';
import type { CliOptions } from '../commands/context.js';
import { CliError } from '../errors.js';
import type { RunIO } from '../io.js';
import { resolveReleaseOptions } from '../release-options.js';
import { checkedLabel } from '../output/printable-report.js';

/** The parsed flags resolved against the environment (goose's precedence), and nothing else. */

export function stringFlag(values: Map<string, FlagValue>, name: string): string {
  const v = values.get(name);
  return typeof v === 'string' ? v : '';
}
export const boolFlag = (values: Map<string, FlagValue>, name: string): boolean => values.get(name) === true;
const numberFlag = (values: Map<string, FlagValue>, name: string): number => {
  const v = values.get(name);
  return typeof v === 'number' ? v : 0;
};

export function resolveOptions(parsed: ParsedArgs, io: RunIO): CliOptions {
  const v = parsed.values;
  const config = loadEnvConfig(io.env);
  const prefixText = stringFlag(v, 'log-prefix') || io.env.GANDER_LOG_PREFIX || 'goose';
  if (prefixText !== 'goose' && prefixText !== 'gander') {
    throw new CliError('E_USAGE', `invalid log prefix ${JSON.stringify(prefixText)}: it is goose or gander`, {
      hint: 'pass -log-prefix=goose (the default, for scripts that grep goose output) or -log-prefix=gander',
    });
  }
  let dir = stringFlag(v, 'dir');
  // goose: GOOSE_MIGRATION_DIR counts only while -dir is still its default ".".
  if (dir === DEFAULT_DIR && config.dir !== '') dir = config.dir;
  return {
    dir,
    table: stringFlag(v, 'table') || config.table,
    verbose: boolFlag(v, 'v'),
    sequential: boolFlag(v, 's'),
    allowMissing: boolFlag(v, 'allow-missing'),
    noVersioning: boolFlag(v, 'no-versioning'),
    noColor: boolFlag(v, 'no-color'),
    timeoutMs: numberFlag(v, 'timeout'),
    envFile: stringFlag(v, 'env'),
    certfile: stringFlag(v, 'certfile'),
    sslCert: stringFlag(v, 'ssl-cert'),
    sslKey: stringFlag(v, 'ssl-key'),
    json: boolFlag(v, 'json'),
    logPrefix: prefixText,
    envLabel: checkedLabel(stringFlag(v, 'env-label') || io.env.GANDER_ENV || undefined),
    lockTimeoutMs: numberFlag(v, 'lock-timeout'),
    noLock: boolFlag(v, 'no-lock'),
    allowDrift: boolFlag(v, 'allow-drift'),
    release: resolveReleaseOptions(v, parsed.given, io.env),
  };
}
