import type { ContestantStats } from './result-types.js';
import type { Target } from './types.js';

/** A scenario's targets as a list (one target or several). */
export function targetList(target: Target | readonly Target[] | undefined): readonly Target[] {
  if (target === undefined) return [];
  return Array.isArray(target) ? (target as readonly Target[]) : [target as Target];
}

/** The targets that apply to one contestant (by the start of its name). */
export function targetsFor(targets: readonly Target[], contestant: string): Target[] {
  return targets.filter((t) => t.appliesTo === undefined || contestant.startsWith(t.appliesTo));
}

export function describeTarget(target: Target, unit: string): string {
  switch (target.kind) {
    case 'ratio': {
      const faster = target.fasterThan?.length ? ` and faster than ${target.fasterThan.join(', ')}` : '';
      return `≤ ${target.max}× floor${faster}`;
    }
    case 'value': {
      const sign = target.comparison === '<=' ? '≤' : target.comparison === '>=' ? '≥' : '<';
      return `${sign} ${target.bound} ${unit}`;
    }
    case 'vs-reference':
      return `≤ ${target.max}× ${target.reference}`;
    case 'vs-provider':
      return `≤ ${target.factor}× provider + ${target.processes}× ${target.reference}`;
    case 'faster-than':
      return `faster than ${target.peers.join(', ')}`;
  }
}

export function describeTargets(targets: readonly Target[], unit: string): string {
  return targets.map((t) => describeTarget(t, unit)).join('; ');
}

function meetsBound(value: number, target: Extract<Target, { kind: 'value' }>): boolean {
  if (target.comparison === '<') return value < target.bound;
  if (target.comparison === '<=') return value <= target.bound;
  return value >= target.bound;
}

function find(all: readonly ContestantStats[], name: string): ContestantStats | undefined {
  return all.find((c) => c.name.startsWith(name) && c.status === 'ok' && c.seconds);
}

function fasterThan(stats: ContestantStats, peers: readonly string[], all: readonly ContestantStats[], details: string[]): boolean {
  let met = true;
  for (const peerName of peers) {
    const peer = find(all, peerName);
    if (!peer?.seconds) {
      details.push(`${peerName} did not run`);
      continue;
    }
    if (stats.seconds!.median >= peer.seconds.median) {
      met = false;
      details.push(`slower than ${peerName}`);
    }
  }
  return met;
}

/** One target. `details` collects why it was missed (and, for the relative targets, the margin either way). */
function judgeOne(target: Target, stats: ContestantStats, all: readonly ContestantStats[], details: string[]): boolean {
  const median = stats.seconds!.median;
  switch (target.kind) {
    case 'value':
      return meetsBound(stats.value!.median, target);
    case 'ratio': {
      if (stats.ratioToFloor === undefined) {
        details.push('no floor ran');
        return false;
      }
      let met = stats.ratioToFloor <= target.max;
      if (!met) details.push(`${stats.ratioToFloor.toFixed(2)}× floor`);
      if (!fasterThan(stats, target.fasterThan ?? [], all, details)) met = false;
      return met;
    }
    case 'faster-than':
      return fasterThan(stats, target.peers, all, details);
    case 'vs-reference': {
      const ref = find(all, target.reference);
      if (!ref?.seconds) {
        details.push(`${target.reference} did not run`);
        return false;
      }
      const ratio = median / ref.seconds.median;
      details.push(`${ratio.toFixed(2)}× ${target.reference}`);
      return ratio <= target.max;
    }
    case 'vs-provider': {
      const ref = find(all, target.reference);
      const provider = find(all, target.provider);
      if (!ref?.seconds || !provider?.seconds) {
        details.push(`${ref ? target.provider : target.reference} did not run`);
        return false;
      }
      const bound = target.factor * provider.seconds.median + target.processes * ref.seconds.median;
      details.push(`${(median / bound).toFixed(2)}× its bound`);
      return median <= bound;
    }
  }
}

/**
 * Judge one of gander's contestants against every target that applies to it.
 * A ratio target needs the floor; a "faster than" clause is judged only
 * against peers that ran, and says so when one did not.
 */
export function judge(targets: Target | readonly Target[], stats: ContestantStats, all: readonly ContestantStats[]): { met: boolean; detail: string } {
  if (stats.status !== 'ok' || !stats.value || !stats.seconds) return { met: false, detail: 'did not run' };
  const details: string[] = [];
  let met = true;
  for (const target of targetsFor(targetList(targets), stats.name)) {
    if (!judgeOne(target, stats, all, details)) met = false;
  }
  return { met, detail: details.join('; ') };
}
