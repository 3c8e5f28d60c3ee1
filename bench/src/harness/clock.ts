import { performance } from 'node:perf_hooks';

export interface Stopwatch {
  /** Seconds since start, less any untimed work. */
  lap(): number;
  /** Seconds since the previous phase (or start), less any untimed work. */
  phase(): number;
  /** Run work that must not count (a check between phases). */
  untimed<T>(work: () => Promise<T>): Promise<T>;
}

export function stopwatch(): Stopwatch {
  const start = performance.now();
  let last = start;
  let excluded = 0;
  let excludedAtLast = 0;
  return {
    lap: () => (performance.now() - start - excluded) / 1000,
    phase() {
      const now = performance.now();
      const seconds = (now - last - (excluded - excludedAtLast)) / 1000;
      last = now;
      excludedAtLast = excluded;
      return seconds;
    },
    async untimed<T>(work: () => Promise<T>): Promise<T> {
      const t = performance.now();
      try {
        return await work();
      } finally {
        excluded += performance.now() - t;
      }
    },
  };
}
