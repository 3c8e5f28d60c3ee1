#!/usr/bin/env node
import { isGanderError } from '@gander/core';
import { loadConfig } from './config.js';
import { startService } from './start.js';

const log = (line: string) => process.stderr.write(`data-storage: ${line}\n`);

try {
  const service = await startService(loadConfig(process.argv.slice(2), process.env, process.cwd()), log);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void service.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  // One clear line, no stack: what is wrong and what to run.
  if (isGanderError(error)) log(`refusing to start: ${error.message}${error.hint ? `; ${error.hint}` : ''}`);
  else log(`refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
