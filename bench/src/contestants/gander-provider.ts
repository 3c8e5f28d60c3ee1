import { createProvider, type RunResult } from '@gander/core';
import type { Backend } from '../harness/backend.js';
import { stopwatch } from '../harness/clock.js';
import { collectGarbage } from '../harness/collect-garbage.js';
import type { Contestant, Measurement } from '../harness/types.js';

/** The provider returns failures instead of throwing; a failed run must not pass as a fast one. */
function assertRan(result: RunResult, what: string): void {
  if (result.error) throw new Error(`gander ${what} failed: ${result.error.message}`);
}

/**
 * gander in-process, with its defaults (advisory lock, audit log): open the
 * adapter, createProvider (collect + checksum), up, and when asked down to 0.
 * The `up` phase includes connecting and collecting, as a service's start does.
 */
export function ganderProviderContestant(options: { name: string; backend: Backend; dir: string; down: boolean }): Contestant {
  return {
    name: options.name,
    role: 'gander',
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const target = await options.backend.fresh('gander');
      try {
        collectGarbage();
        const clock = stopwatch();
        const phases: Record<string, number> = {};
        const fingerprints: Record<string, string> = {};
        const db = await target.connectGander();
        try {
          const provider = await createProvider({ db, dir: options.dir, env: {} });
          assertRan(await provider.up(), 'up');
          fingerprints.up = await clock.untimed(() => target.fingerprint());
          phases.up = clock.phase();
          if (options.down) {
            assertRan(await provider.downTo(0n), 'down-to 0');
            fingerprints.down = await clock.untimed(() => target.fingerprint());
            phases.down = clock.phase();
          }
        } finally {
          await db.close();
        }
        return { seconds: clock.lap(), phases, fingerprints };
      } finally {
        await target.dispose();
      }
    },
  };
}
