// A lint worker that fails mid-job: it claims one chunk, as a real worker would, then exits without
// sending it back. parallel.test.ts checks the main thread lints the claimed chunk itself.
import { parentPort } from 'node:worker_threads';

parentPort.once('message', (job) => {
  Atomics.add(new Int32Array(job.claim), 0, 1);
  process.exit(3);
});
