import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config/config.js';
import { lintFiles, type LintInputFile } from './engine.js';
import { createFileLinter, emptyState } from './file-linter.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { lintInWorkers, workerCount, workerScript } from './parallel.js';

/**
 * Linting across worker threads gives exactly the findings of one thread,
 * also when a later file depends on an earlier one in another thread's chunk
 * (an index created in file 1 and dropped in the last file: the lock finding
 * names its table only if the run state reached that file).
 */
function migrations(count: number, crossChunk: boolean): LintInputFile[] {
  const files: LintInputFile[] = [];
  for (let n = 1; n <= count; n++) {
    let up = `ALTER TABLE t_${n} ADD COLUMN IF NOT EXISTS note text;\nCREATE INDEX IF NOT EXISTS t_${n}_note ON t_${n} (note);\n`;
    if (crossChunk && n === 1) up = 'CREATE INDEX IF NOT EXISTS idx_far ON far_table (x);\n';
    if (crossChunk && n === count) up = 'DROP INDEX IF EXISTS idx_far;\n';
    files.push({ path: `m/${String(n).padStart(3, '0')}_m.sql`, content: `-- +goose Up\n${up}\n-- +goose Down\nSELECT 1;\n` });
  }
  return files;
}

// The worker thread runs the built module (dist/lint-worker.js); `pnpm test` builds first.
const built = workerScript() !== undefined;

describe.skipIf(!built)(built ? 'lint across worker threads' : 'lint across worker threads: skipped, dist/lint-worker.js is not built (run pnpm build)', () => {
  it('finds what one thread finds', async () => {
    const files = migrations(40, false);
    const one = await lintFiles(files, { workers: 0 });
    const three = await lintFiles(files, { workers: 2 });
    expect(one.findings.length).toBeGreaterThan(40);
    expect(three).toEqual(one);
  });

  it('lints a chunk again when an earlier chunk created a name it looked up', async () => {
    await loadGrammar();
    const files = migrations(40, true);
    const linter = createFileLinter({ config: DEFAULT_CONFIG });
    const stats = await lintInWorkers(files, 1, linter, { config: DEFAULT_CONFIG }, emptyState());
    expect(stats).toEqual({ workerChunks: 1, relinted: 1 });
    const one = await lintFiles(files, { workers: 0 });
    const two = await lintFiles(files, { workers: 1 });
    expect(two).toEqual(one);
    expect(one.findings.filter((f) => f.file === 'm/040_m.sql' && f.rule === 'lock-timeout').map((f) => f.message)).toEqual([
      expect.stringContaining('lock on far_table'),
    ]);
  });

  it('starts no worker for few files, and never more workers than files after the first', () => {
    expect(workerCount(1999, undefined)).toBe(0);
    expect(workerCount(3, 5)).toBe(2);
    expect(workerCount(1, 5)).toBe(0);
    expect(workerCount(5000, 0)).toBe(0);
  });

  it('uses the workers\' findings when nothing before their chunk changes them', async () => {
    await loadGrammar();
    const linter = createFileLinter({ config: DEFAULT_CONFIG });
    expect(await lintInWorkers(migrations(40, false), 2, linter, { config: DEFAULT_CONFIG }, emptyState())).toEqual({ workerChunks: 2, relinted: 0 });
  });
});
