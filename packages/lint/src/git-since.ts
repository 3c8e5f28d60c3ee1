import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LintInputError } from './errors.js';

const run = promisify(execFile);

export interface ChangedFiles {
  /** Paths (relative to `cwd`, as git prints them with --relative) added since the ref. */
  added: Set<string>;
  /** Paths changed (not added) since the ref. */
  modified: Set<string>;
}

/** Files added or changed between `ref` and the work tree (committed or not), under `cwd`. */
export async function changedSince(ref: string, cwd: string): Promise<ChangedFiles> {
  let stdout: string;
  try {
    ({ stdout } = await run('git', ['diff', '--name-status', '--relative', '--no-renames', ref, '--', '.'], { cwd, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new LintInputError(`--since ${ref}: git cannot compare with it: ${detail}`, 'pass a ref git knows (a branch, tag or commit), from inside the repository');
  }
  const added = new Set<string>();
  const modified = new Set<string>();
  for (const line of stdout.split('\n')) {
    const [status, path] = line.split('\t');
    if (path === undefined || status === undefined) continue;
    if (status.startsWith('A')) added.add(path);
    else if (status.startsWith('M') || status.startsWith('T')) modified.add(path);
  }
  // Untracked files are new too: `git diff` does not list them.
  const { stdout: untracked } = await run('git', ['ls-files', '--others', '--exclude-standard', '--', '.'], { cwd, maxBuffer: 64 * 1024 * 1024 });
  for (const path of untracked.split('\n')) if (path !== '') added.add(path);
  return { added, modified };
}
