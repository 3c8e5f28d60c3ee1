import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * How to start the worker thread whose module is `name` beside this file.
 * Built, it is the `.js` file. Run from source (tests, `tsx`), it is the `.ts`
 * file: the thread first registers tsx's loader (a loader given to the main
 * thread does not reach a worker on Node 20), with core resolved to its
 * sources too.
 */
export function workerStart(name: string): { script: string | URL; options: WorkerOptions } {
  const fromSource = /\.tsx?$/.test(import.meta.url);
  if (!fromSource) return { script: new URL(`./${name}.js`, import.meta.url), options: {} };
  // tsx's API registers its hooks for this thread (its `--import` entry does so on the main thread only).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const script = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { script, options: { eval: true, execArgv: ['--conditions=@gander/source'] } };
}
