import { parentPort, workerData } from 'node:worker_threads';
import { createFileLinter, emptyState, noMisses } from './file-linter.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { workerResult, type WorkerJob } from './parallel.js';

/** A worker thread of parallel.ts: lints its run of files from an empty state and sends back what it found and missed. */
const job = workerData as WorkerJob;
await loadGrammar();
const linter = createFileLinter({
  config: job.config,
  only: job.only,
  pending: job.pending === undefined ? undefined : new Set(job.pending),
  tableSizes: job.tableSizes === undefined ? undefined : new Map(job.tableSizes),
});
const state = emptyState();
const misses = noMisses();
for (const f of job.files) await linter.lint(f.path, f.content, state, misses);
parentPort!.postMessage(workerResult(linter, state, misses));
