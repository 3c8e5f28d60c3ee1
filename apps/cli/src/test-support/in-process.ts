// Test-only: the CLI's `run` in this process, with its output captured.
import type { Env } from '../args/dotenv.js';
import { run } from '../main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `gander …argv` in `cwd` with only `env`, no terminal, and the clock at `now`. */
export async function runInProcess(argv: string[], cwd: string, env: Env = {}, now: Date = new Date(0)): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    env,
    cwd,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    isTTY: false,
    now: () => now,
  });
  return { code, stdout, stderr };
}
