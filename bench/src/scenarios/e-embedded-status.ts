import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { coldContestant } from '../contestants/cold.js';
import { nodeStartFloor } from '../contestants/node-start.js';
import { copyDataStorage, PGVECTOR_FREE_PREFIX } from '../fixtures/data-storage.js';
import type { Scenario } from '../harness/types.js';
import { findGanderCli } from '../peers/gander-cli.js';

/**
 * (e) The embedded default: `gander status` with no DRIVER/DBSTRING in a project whose
 * .gander/pglite already holds 001–004, the way a developer runs it after `gander up`.
 */
export const embeddedStatusScenario: Scenario = {
  id: 'e-embedded-status',
  title: 'CLI cold start: status on an existing .gander/pglite (001–004), the embedded default',
  unit: 'ms',
  target: { kind: 'value', bound: 500, comparison: '<=' },
  needsServer: false,
  async prepare({ scratch }) {
    const cli = findGanderCli();
    const project = join(scratch, 'e-embedded-status');
    await copyDataStorage(join(project, 'migrations'), (version) => version <= PGVECTOR_FREE_PREFIX);
    if (cli.path) {
      // Untimed: make .gander/pglite and apply 001–004 (naming the embedded database: `up` without a
      // terminal is refused on the implicit default).
      execFileSync(process.execPath, [cli.path, '-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd: project, stdio: 'pipe', env: { ...process.env, CI: '' } });
    }
    return {
      input: 'migrations/ with 001–004, .gander/pglite at version 4; one process per run',
      notes: [
        'PGlite starts inside the process (WASM) and opens the data directory: that, not the server round trips, is most of the time. The target is 0.5 s on the machine the issue measured; the ratio to `node -e 0` says how much of it is Node.',
      ],
      contestants: [
        nodeStartFloor(),
        coldContestant({
          name: 'gander status (embedded)',
          role: 'gander',
          ...(cli.skip ? { skip: cli.skip } : {}),
          phases: [{ phase: 'status', commands: () => [{ command: process.execPath, args: [cli.path ?? '', '-dir', 'migrations', 'status'], cwd: project, env: { CI: '' } }] }],
        }),
      ],
    };
  },
};
