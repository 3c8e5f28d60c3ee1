import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config/config.js';
import { lintFiles } from './engine.js';
import type { LintInputFile } from './input.js';
import { createFileLinter, emptyState } from './file-linter.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { runLint } from './run.js';
import { chunkSize, lintInWorkers, startLintPool, workerCount, workerScript } from './parallel.js';

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
    // Uneven chunks, all linted by the workers, merged in order.
    const workersOnly = await lintFiles(files, { workers: 2, parallel: { chunkSize: 7, mainThreadLints: false } });
    expect(one.findings.length).toBeGreaterThan(40);
    expect(three).toEqual(one);
    expect(workersOnly).toEqual(one);
  });

  it('lints a chunk again when an earlier chunk created a name it looked up', async () => {
    await loadGrammar();
    const files = migrations(40, true);
    const linter = createFileLinter({ config: DEFAULT_CONFIG });
    // Every chunk a worker's, 10 files each: the last chunk drops the index the first one created.
    const stats = await lintInWorkers(files, startLintPool(1)!, linter, { config: DEFAULT_CONFIG }, emptyState(), { chunkSize: 10, mainThreadLints: false });
    expect(stats).toEqual({ workerChunks: 4, relinted: 1 });
    const one = await lintFiles(files, { workers: 0 });
    const two = await lintFiles(files, { workers: 1, parallel: { chunkSize: 10, mainThreadLints: false } });
    expect(two).toEqual(one);
    expect(one.findings.filter((f) => f.file === 'm/040_m.sql' && f.rule === 'lock-timeout').map((f) => f.message)).toEqual([
      expect.stringContaining('lock on far_table'),
    ]);
  });

  it('carries what pending migrations create across chunks, as one thread does (database mode)', async () => {
    // File 1 creates big_table; the last file adds an index to it. Both pending: the index is on a new table, no finding.
    const files = migrations(40, false);
    files[0] = { path: 'm/001_m.sql', content: '-- +goose Up\nCREATE TABLE IF NOT EXISTS big_table (x int);\n-- +goose Down\nDROP TABLE IF EXISTS big_table;\n' };
    files[39] = { path: 'm/040_m.sql', content: '-- +goose Up\nCREATE INDEX IF NOT EXISTS big_x ON big_table (x);\n-- +goose Down\nDROP INDEX IF EXISTS big_x;\n' };
    const pending = new Set(files.map((_, i) => BigInt(i + 1)));
    const one = await lintFiles(files, { workers: 0, pending });
    const split = await lintFiles(files, { workers: 2, pending, parallel: { chunkSize: 10, mainThreadLints: false } });
    expect(split).toEqual(one);
    expect(one.findings.filter((f) => f.file === 'm/040_m.sql' && f.rule === 'require-concurrent-index-creation')).toEqual([]);
    // Applied (not pending), the table is not new: the index finding is there, with workers too.
    const applied = await lintFiles(files, { workers: 2, parallel: { chunkSize: 10, mainThreadLints: false } });
    expect(applied.findings.filter((f) => f.file === 'm/040_m.sql' && f.rule === 'require-concurrent-index-creation')).toHaveLength(1);
  });

  it('starts no worker for few files, and never more workers than files after the first', () => {
    expect(workerCount(1999, undefined)).toBe(0);
    expect(chunkSize(10_000, 2)).toBe(400);
    expect(chunkSize(40, 3)).toBe(2);
    expect(workerCount(3, 5)).toBe(2);
    expect(workerCount(1, 5)).toBe(0);
    expect(workerCount(5000, 0)).toBe(0);
  });

  it('lints itself the chunk a worker claimed and never sent back', async () => {
    await loadGrammar();
    const files = migrations(40, true);
    const dying = startLintPool(1, new URL('./testdata/workers/claims-one-then-dies.mjs', import.meta.url))!;
    const linter = createFileLinter({ config: DEFAULT_CONFIG });
    const stats = await lintInWorkers(files, dying, linter, { config: DEFAULT_CONFIG }, emptyState(), { chunkSize: 10, mainThreadLints: false });
    // Every chunk linted here: the one the worker claimed, and the three nobody claimed.
    expect(stats).toEqual({ workerChunks: 0, relinted: 4 });
    const one = createFileLinter({ config: DEFAULT_CONFIG });
    const state = emptyState();
    for (const f of files) await one.lint(f, state);
    expect(linter.collected).toEqual(one.collected);
  });

  it('uses the workers\' findings when nothing before their chunk changes them', async () => {
    await loadGrammar();
    const linter = createFileLinter({ config: DEFAULT_CONFIG });
    const stats = await lintInWorkers(migrations(40, false), startLintPool(2)!, linter, { config: DEFAULT_CONFIG }, emptyState(), { chunkSize: 10, mainThreadLints: false });
    expect(stats).toEqual({ workerChunks: 4, relinted: 0 });
  });
});

describe.skipIf(!built)(built ? 'runLint across worker threads' : 'runLint across worker threads: skipped, dist/lint-worker.js is not built (run pnpm build)', () => {
  it('gives one thread\'s findings with the workers runLint starts before it reads the files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gander-lint-pool-'));
    try {
      for (const f of migrations(30, true)) await writeFile(join(dir, f.path.slice(2)), f.content!);
      const before = process.env.GANDER_LINT_WORKERS;
      const lint = async (workers: string) => {
        process.env.GANDER_LINT_WORKERS = workers;
        try {
          return await runLint({ paths: [dir], cwd: dir });
        } finally {
          if (before === undefined) delete process.env.GANDER_LINT_WORKERS;
          else process.env.GANDER_LINT_WORKERS = before;
        }
      };
      const one = await lint('0');
      expect(one.summary.files).toBe(30);
      expect(await lint('2')).toEqual(one);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
