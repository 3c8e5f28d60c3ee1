import type { StatementBatch } from '../fixtures/floor-batches.js';
import type { Backend, RawConnection } from '../harness/backend.js';
import { stopwatch } from '../harness/clock.js';
import { collectGarbage } from '../harness/collect-garbage.js';
import type { Contestant, Measurement } from '../harness/types.js';

async function runBatches(conn: RawConnection, batches: readonly StatementBatch[]): Promise<void> {
  for (const batch of batches) {
    if (batch.useTx) await conn.exec('BEGIN');
    for (const sql of batch.statements) await conn.exec(sql);
    if (batch.useTx) await conn.exec('COMMIT');
  }
}

/**
 * The floor: the same statements, sent one by one over one raw connection, in
 * as few transactions as PostgreSQL allows, with no bookkeeping at all. What
 * any migration tool costs on top of this is its own overhead.
 */
export function floorContestant(options: {
  name: string;
  backend: Backend;
  phases: ReadonlyArray<{ phase: string; batches: readonly StatementBatch[] }>;
}): Contestant {
  return {
    name: options.name,
    role: 'floor',
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const target = await options.backend.fresh('floor');
      try {
        collectGarbage();
        const clock = stopwatch();
        const phases: Record<string, number> = {};
        const fingerprints: Record<string, string> = {};
        const conn = await target.connectRaw();
        try {
          for (const { phase, batches } of options.phases) {
            await runBatches(conn, batches);
            fingerprints[phase] = await clock.untimed(() => target.fingerprint());
            phases[phase] = clock.phase();
          }
        } finally {
          await conn.close();
        }
        return { seconds: clock.lap(), phases, fingerprints };
      } finally {
        await target.dispose();
      }
    },
  };
}
