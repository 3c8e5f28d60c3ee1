import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { ColdCommand } from '../harness/cold-process.js';

/**
 * squawk-cli's `squawk` bin is a Node wrapper around the Rust binary of the
 * platform package (@squawk-cli/linux-x64, …): as with dbmate we run the
 * binary itself, so squawk is not billed for a Node start.
 */
export function findSquawk(): { path?: string; skip?: string } {
  const platform = `@squawk-cli/${process.platform}-${process.arch}`;
  try {
    const fromBench = createRequire(import.meta.url);
    const fromCli = createRequire(fromBench.resolve('squawk-cli/package.json'));
    const binary = join(dirname(fromCli.resolve(`${platform}/package.json`)), 'bin', process.platform === 'win32' ? 'squawk.exe' : 'squawk');
    if (!existsSync(binary)) return { skip: `${platform} has no bin/squawk` };
    return { path: binary };
  } catch (error) {
    return { skip: `squawk's platform binary (${platform}) is not installed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** squawk on `target` (a file, or a glob such as `dir/*.sql`, which squawk expands itself); it exits 1 when it finds anything, its normal result here. */
export function squawkCommand(squawk: string, target: string, okExitCodes: number[] = [1]): ColdCommand {
  return { command: squawk, args: ['--reporter', 'json', target], okExitCodes };
}
