import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Backend } from '../harness/backend.js';
import { stopwatch } from '../harness/clock.js';
import type { Contestant, Measurement } from '../harness/types.js';

/**
 * The least any `status` must do: list the directory, read every file, and
 * read the version table once over a fresh connection. No parsing, no
 * checksums, no report.
 */
export function statusFloorContestant(options: { backend: Backend; dir: string; table: string }): Contestant {
  return {
    name: 'readdir + read files + one SELECT',
    role: 'floor',
    mode: 'in-process',
    async run(): Promise<Measurement> {
      const target = await options.backend.fresh('status-floor');
      try {
        const clock = stopwatch();
        let bytes = 0;
        for (const name of await readdir(options.dir)) bytes += readFileSync(join(options.dir, name)).length;
        const files = clock.phase();
        const conn = await target.connectRaw();
        await conn.exec(`SELECT version_id, is_applied FROM ${options.table} ORDER BY id DESC`);
        await conn.close();
        if (bytes === 0) throw new Error('status floor read no files');
        return { seconds: clock.lap(), phases: { files, query: clock.phase() } };
      } finally {
        await target.dispose();
      }
    },
  };
}
