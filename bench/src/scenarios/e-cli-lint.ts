import { join } from 'node:path';
import { ganderLintContestant, squawkContestant } from '../contestants/lint.js';
import { nodeStartFloor } from '../contestants/node-start.js';
import { DATA_STORAGE_DIR } from '../fixtures/data-storage.js';
import type { Scenario } from '../harness/types.js';

const FILE = join(DATA_STORAGE_DIR, '001_initial_schema.sql');

/**
 * (e) CLI cold start: `gander lint` of one real migration file, the lint most
 * runs are (a file being written, a pull request's new migration). The cost is
 * start-up: the modules, the grammar's WebAssembly compile, V8's first pass.
 */
export const cliLintScenario: Scenario = {
  id: 'e-cli-lint',
  title: 'CLI cold start: lint one migration file (Data Storage 001)',
  unit: 'ms',
  target: { kind: 'vs-reference', max: 3, reference: 'node -e 0' },
  // CI (BENCH_CI=1, .ci/bench-strict.sh): measured 2.7-2.9× on a quiet 2-core machine. Without the lint
  // command's single WebAssembly compile (apps/cli/src/commands/wasm-tiering.ts) it measured 4.6×, and
  // before the linter was bundled and compiled once, 5.4×: those turn it red.
  ciTarget: { kind: 'vs-reference', max: 4, reference: 'node -e 0' },
  needsServer: false,
  async prepare() {
    return {
      input: `${FILE.slice(DATA_STORAGE_DIR.length + 1)}, one process per run, spawn to exit`,
      notes: ['squawk runs as its Rust binary; it exits 1 when it finds something, which counts as success here.'],
      contestants: [
        nodeStartFloor(),
        ganderLintContestant('gander lint', [FILE], { okExitCodes: [0, 1] }),
        squawkContestant(FILE, [0, 1]),
      ],
    };
  },
};
