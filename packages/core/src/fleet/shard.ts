import { GanderError } from '../errors.js';

export interface Shard {
  /** 1-based: shard 1/3 is the first of three. */
  index: number;
  count: number;
}

/** `i/n` as in `--shard 2/3`. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new GanderError('E_INVALID_OPTION', `shard ${JSON.stringify(text)} is not i/n with 1 <= i <= n`, {
      hint: 'e.g. --shard 2/3 runs the second of three shards (a CI matrix index, or JOB_COMPLETION_INDEX + 1)',
    });
  }
  return { index, count };
}

/**
 * The targets of one shard. Sorted by name (code-point order, not locale),
 * then dealt round-robin: the split depends only on the set of names, never
 * on the order of the file or the machine, so n runners that each take their
 * own index cover every target exactly once, and shards differ in size by at
 * most one.
 */
export function shardTargets<T extends { name: string }>(targets: readonly T[], shard: Shard): T[] {
  const sorted = [...targets].map((t) => t.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mine = new Set(sorted.filter((_, i) => i % shard.count === shard.index - 1));
  return targets.filter((t) => mine.has(t.name));
}
