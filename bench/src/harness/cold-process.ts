import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { maskConnectionString } from '@gander/core';

export interface ColdCommand {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Exit codes that are not failures besides 0 (a linter exits 1 when it finds something). */
  okExitCodes?: readonly number[];
}

/** Keep the end of the output: that is where tools put the error. */
const TAIL = 2000;

function tail(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text.length > TAIL ? `…${text.slice(-TAIL)}` : text;
}

/**
 * Start a process the way a user's shell would and time it from spawn to
 * exit, in seconds. Output is collected (not printed) so a failure can say
 * why; a non-zero exit throws.
 */
export async function timeColdProcess(cmd: ColdCommand): Promise<number> {
  const output: Buffer[] = [];
  const start = performance.now();
  const child = spawn(cmd.command, [...cmd.args], {
    cwd: cmd.cwd,
    env: cmd.env ? { ...process.env, ...cmd.env } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0 && !(code !== null && cmd.okExitCodes?.includes(code))) {
    // The URL carries the throwaway server's password: mask it anyway, results files get shared.
    throw new Error(`${cmd.command} ${cmd.args.map(maskConnectionString).join(' ')} exited with ${code}: ${tail(output)}`);
  }
  return seconds;
}
