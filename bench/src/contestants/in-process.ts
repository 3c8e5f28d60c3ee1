import { stopwatch } from '../harness/clock.js';
import type { Contestant, Measurement, Role } from '../harness/types.js';

/** A contestant that is one in-process call with no database: time the call. */
export function callContestant(options: { name: string; role: Role; call: () => unknown }): Contestant {
  return {
    name: options.name,
    role: options.role,
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const clock = stopwatch();
      await options.call();
      return { seconds: clock.lap() };
    },
  };
}
