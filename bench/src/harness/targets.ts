import type { ContestantStats } from './result-types.js';
import type { Target } from './types.js';

export function describeTarget(target: Target, unit: string): string {
  if (target.kind === 'ratio') {
    const faster = target.fasterThan?.length ? ` and faster than ${target.fasterThan.join(', ')}` : '';
    return `≤ ${target.max}× floor${faster}`;
  }
  const sign = target.comparison === '<=' ? '≤' : target.comparison === '>=' ? '≥' : '<';
  return `${sign} ${target.bound} ${unit}`;
}

function meetsBound(value: number, target: Extract<Target, { kind: 'value' }>): boolean {
  if (target.comparison === '<') return value < target.bound;
  if (target.comparison === '<=') return value <= target.bound;
  return value >= target.bound;
}

/**
 * Judge one of gander's contestants. A ratio target needs the floor; a
 * "faster than" clause is judged only against peers that ran, and says so
 * when one did not.
 */
export function judge(target: Target, stats: ContestantStats, all: readonly ContestantStats[]): { met: boolean; detail: string } {
  if (stats.status !== 'ok' || !stats.value || !stats.seconds) return { met: false, detail: 'did not run' };
  if (target.kind === 'value') {
    return { met: meetsBound(stats.value.median, target), detail: '' };
  }
  if (stats.ratioToFloor === undefined) return { met: false, detail: 'no floor ran' };
  const details: string[] = [];
  let met = stats.ratioToFloor <= target.max;
  if (!met) details.push(`${stats.ratioToFloor.toFixed(2)}× floor`);
  for (const peerName of target.fasterThan ?? []) {
    const peer = all.find((c) => c.name.startsWith(peerName));
    if (!peer?.seconds) {
      details.push(`${peerName} did not run`);
      continue;
    }
    if (stats.seconds.median >= peer.seconds.median) {
      met = false;
      details.push(`slower than ${peerName}`);
    }
  }
  return { met, detail: details.join('; ') };
}
