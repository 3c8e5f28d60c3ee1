import { parentPort } from 'node:worker_threads';
import { loadGrammar } from './grammar/pg-grammar.js';
import { lintChunk, type WorkerJob, type WorkerMessage } from './parallel.js';

/**
 * A worker thread of parallel.ts: loads the grammar while the main thread
 * reads the files, then takes one job, claims chunks from the shared counter,
 * lints each from an empty state and sends each back.
 */
const ready = loadGrammar();
const job = await new Promise<WorkerJob>((resolve) => parentPort!.once('message', resolve));
await ready;
const options = {
  config: job.config,
  only: job.only,
  pending: job.pending === undefined ? undefined : new Set(job.pending),
  tableSizes: job.tableSizes === undefined ? undefined : new Map(job.tableSizes),
};
const next = new Int32Array(job.claim);
const send = (message: WorkerMessage) => parentPort!.postMessage(message);
for (let k = Atomics.add(next, 0, 1); k < job.chunks.length; k = Atomics.add(next, 0, 1)) {
  send({ chunk: k, result: await lintChunk(job.chunks[k]!, options) });
}
send({ done: true });
