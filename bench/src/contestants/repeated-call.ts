import { median } from '../stats.js';
import { stopwatch } from '../harness/clock.js';
import type { Contestant, Measurement, Role } from '../harness/types.js';

export interface OpenCall {
  call(): Promise<unknown>;
  close(): Promise<void>;
}

/** Untimed calls per run before the timed ones: the pool's connections are opened by the first calls. */
const SETTLE_CALLS = 5;

/**
 * A latency contestant: open (untimed: "once connected"), call a few times to
 * settle, then time `iterations` calls one by one. The run's measurement is
 * the median call; the bench then reports the median of those over runs.
 */
export function repeatedCallContestant(options: { name: string; role: Role; iterations: number; open(): Promise<OpenCall> }): Contestant {
  return {
    name: options.name,
    role: options.role,
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const target = await options.open();
      try {
        for (let i = 0; i < SETTLE_CALLS; i++) await target.call();
        const times: number[] = [];
        for (let i = 0; i < options.iterations; i++) {
          const clock = stopwatch();
          await target.call();
          times.push(clock.lap());
        }
        return { seconds: median(times) };
      } finally {
        await target.close();
      }
    },
  };
}
