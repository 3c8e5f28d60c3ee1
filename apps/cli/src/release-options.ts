import type { LockMode, ProviderOptions } from '@gander/core';
import { parseGoDuration } from './args/go-duration.js';
import type { FlagValue } from './args/flags.js';
import type { Env } from './args/dotenv.js';
import { CliError } from './errors.js';

/** Issue 19's run options: flag first, then its environment variable. */
export interface ReleaseOptions {
  singleTransaction: boolean;
  /** 0: the guard is off (goose behaviour). */
  lockTimeoutGuardMs: number;
  lockTimeoutGuardAttempts: number | undefined;
  lockMode: LockMode;
  retryFailed: boolean;
  reason: string;
  force: boolean;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

export function resolveReleaseOptions(values: Map<string, FlagValue>, given: ReadonlySet<string>, env: Env): ReleaseOptions {
  const flagOrEnv = (name: string, envName: string): string => {
    const v = values.get(name);
    if (given.has(name)) return String(v);
    return env[envName] ?? '';
  };
  let guardMs = 0;
  if (given.has('lock-timeout-guard')) guardMs = Number(values.get('lock-timeout-guard'));
  else if (env.GANDER_LOCK_TIMEOUT_GUARD) {
    const parsed = parseGoDuration(env.GANDER_LOCK_TIMEOUT_GUARD);
    if (parsed === undefined) {
      throw new CliError('E_USAGE', `invalid GANDER_LOCK_TIMEOUT_GUARD ${JSON.stringify(env.GANDER_LOCK_TIMEOUT_GUARD)}: it is a duration`, {
        hint: 'e.g. GANDER_LOCK_TIMEOUT_GUARD=2s',
      });
    }
    guardMs = parsed;
  }
  const attemptsText = flagOrEnv('lock-timeout-guard-attempts', 'GANDER_LOCK_TIMEOUT_GUARD_ATTEMPTS');
  if (attemptsText !== '' && (!/^\d+$/.test(attemptsText) || Number(attemptsText) < 1)) {
    throw new CliError('E_USAGE', `invalid lock-timeout guard attempts ${JSON.stringify(attemptsText)}: a whole number of 1 or more`, {
      hint: 'e.g. -lock-timeout-guard-attempts 5',
    });
  }
  const mode = flagOrEnv('lock-mode', 'GANDER_LOCK_MODE') || 'advisory';
  if (mode !== 'advisory' && mode !== 'table') {
    throw new CliError('E_USAGE', `invalid lock mode ${JSON.stringify(mode)}: it is advisory or table`, {
      hint: 'table uses goose_lock (goose v3.26 table locker): pick it behind PgBouncer in transaction mode',
    });
  }
  const single = given.has('single-transaction') ? values.get('single-transaction') === true : TRUE.has(env.GANDER_SINGLE_TRANSACTION ?? '');
  return {
    singleTransaction: single,
    lockTimeoutGuardMs: guardMs,
    lockTimeoutGuardAttempts: attemptsText === '' ? undefined : Number(attemptsText),
    lockMode: mode,
    retryFailed: values.get('retry-failed') === true,
    reason: typeof values.get('reason') === 'string' ? (values.get('reason') as string) : '',
    force: values.get('force') === true,
  };
}

/** The provider options they map to. */
export function releaseProviderOptions(r: ReleaseOptions): Partial<ProviderOptions> {
  return {
    singleTransaction: r.singleTransaction,
    retryFailed: r.retryFailed,
    lockMode: r.lockMode,
    ...(r.lockTimeoutGuardMs > 0
      ? { lockTimeoutGuard: { timeoutMs: r.lockTimeoutGuardMs, ...(r.lockTimeoutGuardAttempts ? { attempts: r.lockTimeoutGuardAttempts } : {}) } }
      : {}),
  };
}
