import { maskConnectionString, type FleetTarget } from '@gander/core';
import type { Env } from '../args/dotenv.js';
import { openTarget, resolveTarget, targetSecrets, type Target, type TlsFlags } from '../connect.js';
import { CliError } from '../errors.js';
import { expandEnv } from './expand-env.js';
import type { TargetSpec } from './targets-file.js';

function dsnOf(spec: TargetSpec, env: Env): string {
  if (spec.dsnEnv !== undefined) {
    const value = env[spec.dsnEnv];
    if (value === undefined || value === '') {
      throw new CliError('E_FLEET_TARGETS', `${spec.origin}: ${spec.name}: dsnEnv ${spec.dsnEnv} is not set`, {
        hint: `export ${spec.dsnEnv} with the DSN of ${spec.name} (or put it in the .env file)`,
      });
    }
    return value;
  }
  const expanded = expandEnv(spec.dsn!, env);
  if (expanded.missing.length > 0) {
    throw new CliError(
      'E_FLEET_TARGETS',
      `${spec.origin}: ${spec.name}: the DSN references ${expanded.missing.map((m) => `\${${m}}`).join(', ')}, which ${expanded.missing.length === 1 ? 'is' : 'are'} not set`,
      { hint: 'export the variables (or put them in the .env file) before running gander fleet' },
    );
  }
  return expanded.text;
}

/**
 * Each listed database as core's fleet runs it: the DSN read exactly as
 * `gander postgres DSN …` reads it, and opened through the same connect code
 * (TLS attempts, timeouts); its password kept as a secret to scrub.
 */
export function toFleetTargets(specs: readonly TargetSpec[], env: Env, cwd: string, tls: TlsFlags): FleetTarget[] {
  return specs.map((spec) => {
    const dsn = dsnOf(spec, env);
    let target: Target;
    try {
      target = resolveTarget('postgres', dsn, cwd, env);
    } catch (error) {
      const message = error instanceof Error ? maskConnectionString(error.message) : String(error);
      throw new CliError('E_FLEET_TARGETS', `${spec.origin}: ${spec.name}: ${message.replace(/^-dbstring: /, 'dsn: ')}`, {
        hint: (error as { hint?: string }).hint ?? 'fix the DSN',
      });
    }
    return {
      name: spec.name,
      ...(spec.group === undefined ? {} : { group: spec.group }),
      labels: spec.labels,
      display: target.display,
      secrets: targetSecrets(target),
      open: async () => (await openTarget(target, tls, cwd)).db,
    };
  });
}
