import { createProvider } from '@gander/core';
import type { Backend } from '../harness/backend.js';
import { stopwatch } from '../harness/clock.js';
import { collectGarbage } from '../harness/collect-garbage.js';
import type { Contestant, Measurement } from '../harness/types.js';

/**
 * gander's status in-process, as a user waits for it: open the adapter,
 * createProvider (list, read, checksum every file), status() (version table +
 * audit log + report), close.
 */
export function ganderStatusContestant(options: { backend: Backend; dir: string; expectApplied: number }): Contestant {
  return {
    name: 'gander provider status()',
    role: 'gander',
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const target = await options.backend.fresh('gander-status');
      try {
        collectGarbage();
        const clock = stopwatch();
        const db = await target.connectGander();
        const phases: Record<string, number> = {};
        try {
          const provider = await createProvider({ db, dir: options.dir, env: {} });
          phases.collect = clock.phase();
          const report = await provider.status();
          phases.status = clock.phase();
          const applied = report.migrations.filter((m) => m.state === 'applied').length;
          if (applied !== options.expectApplied) throw new Error(`status saw ${applied} applied, expected ${options.expectApplied}`);
        } finally {
          await db.close();
        }
        return { seconds: clock.lap(), phases };
      } finally {
        await target.dispose();
      }
    },
  };
}
