import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from './config/config.js';
import { createFileLinter, emptyState, noMisses, type Collected, type FileLinter, type FileLinterOptions, type RunState } from './file-linter.js';
import type { LintInputFile } from './input.js';
import type { Suppression } from './suppress.js';

/**
 * Lint across cores. Parsing is most of the time (PostgreSQL's grammar in
 * WebAssembly, then its JSON), and a syntax tree costs as much to copy
 * between threads as to make, so threads lint whole files, not just parse
 * them. The files (in version order) are cut into chunks; this thread and
 * each worker claim the next chunk from one shared counter until none is
 * left, so a worker that starts late, or shares its core with other work,
 * simply takes fewer chunks. Every chunk is linted from an empty run state
 * and records the names its rules looked up and did not find (Misses,
 * file-linter.ts). The chunks are then merged in order; if the files before
 * a chunk created one of its missed names, its findings could differ and this
 * thread lints that chunk again with the real state. So the findings are
 * always those of one thread, in order.
 */

/** Below this many files a worker's start (its own module load and WebAssembly compile, ~0.15 s) costs more than it saves. */
const MIN_FILES = 2000;
const MAX_WORKERS = 3;

/** What one chunk leaves: plain arrays, cheap to copy between threads. */
export interface ChunkResult {
  collected: Collected[];
  suppressions: Array<[string, Suppression[]]>;
  state: { carried: string[]; indexTables: Array<[string, string]>; partitioned: string[] };
  misses: { carried: string[]; indexTables: string[]; partitioned: string[] };
}

export interface WorkerJob {
  chunks: LintInputFile[][];
  /** One Int32: the next chunk to claim, shared by every thread. */
  claim: SharedArrayBuffer;
  config: LintConfig;
  only: readonly string[] | undefined;
  pending: bigint[] | undefined;
  tableSizes: Array<[string, number]> | undefined;
}

export type WorkerMessage = { chunk: number; result: ChunkResult } | { done: true };

/** The built worker module, when there is one. */
export function workerScript(): URL | undefined {
  const here = new URL('./lint-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  // Under the test runner this module runs from src/ (TypeScript): the worker runs the build of the same source.
  const built = new URL('../dist/lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : undefined;
}

/**
 * How many workers for `files` files: the option, else GANDER_LINT_WORKERS,
 * else from MIN_FILES on one per other core (at most MAX_WORKERS). The load
 * average is not consulted: it lags a minute behind, and with chunks claimed
 * from a shared counter a worker starved by other work costs only its start.
 */
export function workerCount(files: number, asked: number | undefined): number {
  const fromEnv = process.env.GANDER_LINT_WORKERS;
  const wanted = asked ?? (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : undefined);
  const auto = files >= MIN_FILES ? Math.min(MAX_WORKERS, availableParallelism() - 1) : 0;
  const count = Math.max(0, Math.min(wanted ?? auto, files - 1));
  return count > 0 && workerScript() !== undefined ? count : 0;
}

/** Enough chunks that the threads finish close together, few enough that each is worth a message. */
export function chunkSize(files: number, threads: number): number {
  return Math.min(400, Math.max(1, Math.ceil(files / (threads * 8))));
}

function cut<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Lints one chunk from an empty run state (on any thread): what it found, left and missed. */
export async function lintChunk(files: readonly LintInputFile[], options: FileLinterOptions): Promise<ChunkResult> {
  const linter = createFileLinter(options);
  const state = emptyState();
  const misses = noMisses();
  for (const f of files) await linter.lint(f, state, misses);
  return {
    collected: linter.collected,
    suppressions: [...linter.suppressions],
    state: { carried: [...state.carried], indexTables: [...state.indexTables], partitioned: [...state.partitioned] },
    misses: { carried: [...misses.carried], indexTables: [...misses.indexTables], partitioned: [...misses.partitioned] },
  };
}

/**
 * Worker threads started ahead of their job, so their own start (module load,
 * WebAssembly compile) overlaps this thread's reading of the files. Each waits
 * for one job message; `close` stops the ones never given a job.
 */
export interface LintPool {
  readonly size: number;
  /** Posts the job to every worker; resolves when each has sent its last chunk or died (its unsent chunks are then linted here). */
  run(job: WorkerJob, results: Array<ChunkResult | undefined>): Promise<void>;
  close(): void;
}

export function startLintPool(workers: number, script: URL | undefined = workerScript()): LintPool | undefined {
  if (workers <= 0 || script === undefined) return undefined;
  const started: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    try {
      // No inherited flags: a test runner's `--conditions` would point the built worker at TypeScript sources.
      started.push(new Worker(script, { execArgv: [] }));
    } catch {
      break;
    }
  }
  const run = (worker: Worker, job: WorkerJob, results: Array<ChunkResult | undefined>) =>
    new Promise<void>((resolve) => {
      worker.on('message', (message: WorkerMessage) => {
        if ('done' in message) {
          resolve();
          void worker.terminate();
        } else results[message.chunk] = message.result;
      });
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
      worker.postMessage(job);
    });
  return {
    size: started.length,
    run: async (job, results) => {
      await Promise.all(started.map((worker) => run(worker, job, results)));
    },
    close: () => {
      for (const worker of started) void worker.terminate();
    },
  };
}

/** Would the state the files before the chunk left have answered one of the chunk's missed lookups? */
function stale(misses: ChunkResult['misses'], state: RunState): boolean {
  return (
    misses.carried.some((n) => state.carried.has(n)) ||
    misses.indexTables.some((n) => state.indexTables.has(n)) ||
    misses.partitioned.some((n) => state.partitioned.has(n))
  );
}

export interface ParallelOptions {
  /** Files per chunk (default: chunkSize). */
  chunkSize?: number;
  /** False: this thread claims no chunk and only merges (tests: every chunk is a worker's). */
  mainThreadLints?: boolean;
}

/**
 * Lints `files` (in version order) on this thread and the pool's workers, into
 * `linter` and `state`. Says how many chunks the workers linted and how many
 * chunks were linted again here (a worker died, or the files before the chunk
 * answered one of its misses).
 */
export async function lintInWorkers(
  files: readonly LintInputFile[],
  pool: LintPool,
  linter: FileLinter,
  options: FileLinterOptions,
  state: RunState,
  parallel: ParallelOptions = {},
): Promise<{ workerChunks: number; relinted: number }> {
  const chunks = cut(files, parallel.chunkSize ?? chunkSize(files.length, pool.size + 1));
  const claim = new SharedArrayBuffer(4);
  const next = new Int32Array(claim);
  const results: Array<ChunkResult | undefined> = new Array<ChunkResult | undefined>(chunks.length);
  const job: WorkerJob = {
    chunks,
    claim,
    config: options.config,
    only: options.only,
    pending: options.pending === undefined ? undefined : [...options.pending],
    tableSizes: options.tableSizes === undefined ? undefined : [...options.tableSizes],
  };
  const running = pool.run(job, results);
  const mine = new Set<number>();
  if (parallel.mainThreadLints !== false) {
    for (let k = Atomics.add(next, 0, 1); k < chunks.length; k = Atomics.add(next, 0, 1)) {
      results[k] = await lintChunk(chunks[k]!, options);
      mine.add(k);
    }
  }
  await running;
  let relinted = 0;
  for (let k = 0; k < chunks.length; k++) {
    const result = results[k];
    if (result === undefined || stale(result.misses, state)) {
      relinted++;
      for (const f of chunks[k]!) await linter.lint(f, state);
      continue;
    }
    for (const c of result.collected) linter.collected.push(c);
    for (const [path, found] of result.suppressions) linter.suppressions.set(path, found);
    for (const name of result.state.carried) state.carried.add(name);
    for (const [index, table] of result.state.indexTables) state.indexTables.set(index, table);
    for (const name of result.state.partitioned) state.partitioned.add(name);
  }
  const linted = results.filter((r, k) => r !== undefined && !mine.has(k)).length;
  return { workerChunks: linted, relinted };
}
