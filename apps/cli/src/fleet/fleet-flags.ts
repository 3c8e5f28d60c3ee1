import { parseShard, type OnError, type Shard } from '@gander/core';
import type { FlagValue } from '../args/flags.js';
import { CliError } from '../errors.js';
import type { TargetSourceFlags } from './targets-source.js';

/** The fleet's own flags, checked before anything connects. */
export interface FleetFlags {
  source: TargetSourceFlags;
  concurrency: number;
  groups: string[];
  onError: OnError;
  maxFailures: number | undefined;
  report: string;
  onlyFailed: string;
  shard: Shard | undefined;
}

function str(flags: ReadonlyMap<string, FlagValue>, name: string): string {
  const v = flags.get(name);
  return typeof v === 'string' ? v : '';
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new CliError('E_USAGE', `-${flag} must be a whole number of at least 1 (got ${JSON.stringify(text)})`, {
      hint: `e.g. -${flag} 8`,
    });
  }
  return Number(text);
}

export function fleetFlags(flags: ReadonlyMap<string, FlagValue>): FleetFlags {
  const onError = str(flags, 'on-error') || 'continue';
  if (onError !== 'stop' && onError !== 'continue') {
    throw new CliError('E_USAGE', `-on-error is stop or continue (got ${JSON.stringify(onError)})`, {
      hint: 'stop: start no other database after a failure; continue: finish the group (later groups never start after a failure)',
    });
  }
  const shardText = str(flags, 'shard');
  let shard: Shard | undefined;
  try {
    shard = shardText === '' ? undefined : parseShard(shardText);
  } catch (error) {
    throw new CliError('E_USAGE', `-shard: ${(error as Error).message}`, { hint: (error as { hint?: string }).hint ?? '' });
  }
  const maxFailures = str(flags, 'max-failures');
  return {
    source: { file: str(flags, 'targets'), envVar: str(flags, 'targets-env'), command: str(flags, 'targets-cmd') },
    concurrency: wholeNumber(str(flags, 'concurrency') || '4', 'concurrency'),
    groups: str(flags, 'groups')
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    onError,
    maxFailures: maxFailures === '' ? undefined : wholeNumber(maxFailures, 'max-failures'),
    report: str(flags, 'report'),
    onlyFailed: str(flags, 'only-failed'),
    shard,
  };
}
