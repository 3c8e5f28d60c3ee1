import { disagreement } from './agreement.js';
import { collectGarbage } from './collect-garbage.js';
import type { Contestant, Measurement } from './types.js';

export interface RawResult {
  contestant: Contestant;
  /** Timed runs only (warm-ups are dropped). */
  samples: Measurement[];
  failed?: string;
}

export interface InterleaveResult {
  results: RawResult[];
  /** The schema fingerprints every contestant agreed on, per phase (scenarios that change the schema). */
  fingerprints?: Record<string, string>;
}

export interface InterleaveOptions {
  runs: number;
  warmups: number;
  log(line: string): void;
}

/**
 * Round r runs every contestant once before round r+1 starts, so a burst of
 * load from elsewhere on the machine lands on all of them, not on whichever
 * happened to be running. A contestant that throws, or leaves a schema unlike
 * the first contestant's, is marked failed and left out of later rounds; the
 * others go on.
 */
export async function interleave(contestants: readonly Contestant[], options: InterleaveOptions): Promise<InterleaveResult> {
  const results: RawResult[] = contestants.map((contestant) => ({ contestant, samples: [] }));
  const rounds = options.warmups + options.runs;
  let reference: Measurement['fingerprints'];
  for (let round = 0; round < rounds; round++) {
    const warmup = round < options.warmups;
    for (const result of results) {
      if (result.contestant.skip !== undefined || result.failed !== undefined) continue;
      try {
        collectGarbage();
        const measurement = await result.contestant.run();
        reference ??= measurement.fingerprints;
        const differs = disagreement(reference, measurement.fingerprints);
        if (differs) throw new Error(differs);
        if (!warmup) result.samples.push(measurement);
      } catch (error) {
        result.failed = error instanceof Error ? error.message : String(error);
        options.log(`  ${result.contestant.name}: FAILED: ${result.failed}`);
      }
    }
    options.log(`  ${warmup ? 'warm-up' : 'run'} ${warmup ? round + 1 : round - options.warmups + 1}/${warmup ? options.warmups : options.runs} done`);
  }
  return { results, ...(reference ? { fingerprints: reference } : {}) };
}
