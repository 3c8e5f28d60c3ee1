import { coldContestant } from '../contestants/cold.js';
import { nodeStartFloor } from '../contestants/node-start.js';
import type { Scenario } from '../harness/types.js';
import { findDbmate } from '../peers/dbmate.js';
import { findGanderCli } from '../peers/gander-cli.js';
import { findGoose } from '../peers/goose.js';
import { findNodePgMigrate } from '../peers/node-pg-migrate.js';

/** (e) CLI cold start: `--version`, the cheapest thing a CLI can do, against a bare `node -e 0`. */
export const cliVersionScenario: Scenario = {
  id: 'e-cli-version',
  title: 'CLI cold start: --version',
  unit: 'ms',
  target: { kind: 'vs-reference', max: 1.1, reference: 'node -e 0' },
  // CI (BENCH_CI=1, .ci/bench-strict.sh): a regression bound for a loaded 2-core runner, where this
  // fast path's median measured 1.06× to 1.51× `node -e 0` at load averages 8 to 12; importing Ink
  // eagerly measured 6×, pg with core about 2.5×: those turn it red.
  ciTarget: { kind: 'vs-reference', max: 2, reference: 'node -e 0' },
  needsServer: false,
  async prepare() {
    const cli = findGanderCli();
    const dbmate = findDbmate();
    const goose = findGoose();
    const npm = findNodePgMigrate();
    return {
      input: 'one process per run, spawn to exit',
      notes: ['goose and dbmate are Go binaries: they show what a native start costs; node-pg-migrate is a Node CLI like gander.'],
      contestants: [
        nodeStartFloor(),
        coldContestant({
          name: 'gander --version',
          role: 'gander',
          ...(cli.skip ? { skip: cli.skip } : {}),
          phases: [{ phase: 'start', commands: () => [{ command: process.execPath, args: [cli.path ?? '', '--version'] }] }],
        }),
        coldContestant({
          name: 'goose --version',
          role: 'peer',
          ...(goose.skip ? { skip: goose.skip } : {}),
          phases: [{ phase: 'start', commands: () => [{ command: goose.path ?? '', args: ['--version'] }] }],
        }),
        coldContestant({
          name: 'dbmate --version',
          role: 'peer',
          ...(dbmate.skip ? { skip: dbmate.skip } : {}),
          phases: [{ phase: 'start', commands: () => [{ command: dbmate.path ?? '', args: ['--version'] }] }],
        }),
        coldContestant({
          name: 'node-pg-migrate --version',
          role: 'peer',
          ...(npm.skip ? { skip: npm.skip } : {}),
          phases: [{ phase: 'start', commands: () => [{ command: process.execPath, args: [npm.path ?? '', '--version'] }] }],
        }),
      ],
    };
  },
};
