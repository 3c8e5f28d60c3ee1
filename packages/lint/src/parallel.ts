import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from './config/config.js';
import type { Collected, FileLinter, FileLinterOptions, Misses, RunState } from './file-linter.js';
import type { Suppression } from './suppress.js';

/**
 * Lint across cores. Parsing is most of the time (PostgreSQL's grammar in
 * WebAssembly, then its JSON), and a syntax tree costs as much to copy
 * between threads as to make, so each worker lints whole files, not just
 * parses them: the main thread takes the first files in version order, each
 * worker a later run of files, starting from an empty run state. A worker
 * records the names its rules looked up and did not find (Misses, file-linter.ts); if the
 * files before its chunk created one of them, its findings could differ and
 * the main thread lints that chunk again itself. So the findings are always
 * those of one thread, in order.
 */

/** Below this many files a worker's start (its own WebAssembly compile) costs more than it saves. */
const MIN_FILES = 2000;
const MAX_WORKERS = 3;

export interface WorkerJob {
  files: Array<{ path: string; content: string }>;
  config: LintConfig;
  only: readonly string[] | undefined;
  pending: bigint[] | undefined;
  tableSizes: Array<[string, number]> | undefined;
}

export interface WorkerResult {
  collected: Collected[];
  suppressions: Array<[string, Suppression[]]>;
  state: { carried: string[]; indexTables: Array<[string, string]>; partitioned: string[] };
  misses: { carried: string[]; indexTables: string[]; partitioned: string[] };
}

/** The built worker module, when there is one. */
export function workerScript(): URL | undefined {
  const here = new URL('./lint-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  // Under the test runner this module runs from src/ (TypeScript): the worker runs the build of the same source.
  const built = new URL('../dist/lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : undefined;
}

/**
 * Cores nobody else is using (like `make -l`): on a machine already busy, a
 * worker only takes turns with this thread and adds its own start (measured:
 * 10,000 files at load 14 on 2 cores took 6.8 s with a worker, 5.5 s without).
 */
function idleCores(): number {
  return Math.round(availableParallelism() - loadavg()[0]!);
}

/** How many workers for `files` files: the option, else GANDER_LINT_WORKERS, else by size and idle cores. */
export function workerCount(files: number, asked: number | undefined): number {
  const fromEnv = process.env.GANDER_LINT_WORKERS;
  const wanted = asked ?? (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : undefined);
  const auto = files >= MIN_FILES ? Math.min(MAX_WORKERS, availableParallelism() - 1, idleCores() - 1) : 0;
  const count = Math.max(0, Math.min(wanted ?? auto, files - 1));
  return count > 0 && workerScript() !== undefined ? count : 0;
}

/** The main thread's chunk first (a little bigger: the workers start late), then one per worker. */
function split<T>(items: readonly T[], workers: number): T[][] {
  const mainShare = Math.min(items.length - workers, Math.ceil((items.length / (workers + 1)) * 1.2));
  const chunks = [items.slice(0, mainShare)];
  const rest = items.length - mainShare;
  let start = mainShare;
  for (let w = 0; w < workers; w++) {
    const size = Math.ceil((rest - (start - mainShare)) / (workers - w));
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks;
}

function runWorker(script: URL, job: WorkerJob): Promise<WorkerResult | undefined> {
  return new Promise((resolve) => {
    // A worker that fails gives no result: its chunk is then linted on the main thread.
    let worker: Worker;
    try {
      // No inherited flags: a test runner's `--conditions` would point the built worker at TypeScript sources.
      worker = new Worker(script, { workerData: job, execArgv: [] });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (result: WorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** Would the state the files before the chunk left have answered one of the chunk's missed lookups? */
function stale(misses: WorkerResult['misses'], state: RunState): boolean {
  return (
    misses.carried.some((n) => state.carried.has(n)) ||
    misses.indexTables.some((n) => state.indexTables.has(n)) ||
    misses.partitioned.some((n) => state.partitioned.has(n))
  );
}

/**
 * Lints `files` (in version order) on this thread and `workers` others, into
 * `linter` and `state`. Says how many worker chunks were linted again here
 * (a worker failed, or the files before its chunk answered one of its misses).
 */
export async function lintInWorkers(
  files: ReadonlyArray<{ path: string; content: string }>,
  workers: number,
  linter: FileLinter,
  options: FileLinterOptions,
  state: RunState,
): Promise<{ workerChunks: number; relinted: number }> {
  const script = workerScript()!;
  const chunks = split(files, workers);
  const running = chunks.slice(1).map((chunk) =>
    runWorker(script, {
      files: chunk,
      config: options.config,
      only: options.only,
      pending: options.pending === undefined ? undefined : [...options.pending],
      tableSizes: options.tableSizes === undefined ? undefined : [...options.tableSizes],
    }),
  );
  for (const f of chunks[0]!) await linter.lint(f.path, f.content, state);
  let relinted = 0;
  for (let k = 1; k < chunks.length; k++) {
    const result = await running[k - 1]!;
    if (result === undefined || stale(result.misses, state)) {
      relinted++;
      for (const f of chunks[k]!) await linter.lint(f.path, f.content, state);
      continue;
    }
    for (const c of result.collected) linter.collected.push(c);
    for (const [path, found] of result.suppressions) linter.suppressions.set(path, found);
    for (const name of result.state.carried) state.carried.add(name);
    for (const [index, table] of result.state.indexTables) state.indexTables.set(index, table);
    for (const name of result.state.partitioned) state.partitioned.add(name);
  }
  return { workerChunks: chunks.length - 1, relinted };
}

/** What a worker sends back: plain arrays, cheap to copy between threads. */
export function workerResult(linter: FileLinter, state: RunState, misses: Misses): WorkerResult {
  return {
    collected: linter.collected,
    suppressions: [...linter.suppressions],
    state: { carried: [...state.carried], indexTables: [...state.indexTables], partitioned: [...state.partitioned] },
    misses: { carried: [...misses.carried], indexTables: [...misses.indexTables], partitioned: [...misses.partitioned] },
  };
}
