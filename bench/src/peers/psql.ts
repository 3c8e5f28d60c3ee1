import { execFileSync } from 'node:child_process';
import type { ColdCommand } from '../harness/cold-process.js';

let cached: { path?: string; skip?: string } | undefined;

/** psql is optional: the floor `psql -f` (transactions written into the script) where it exists (`which psql`). */
export function findPsql(): { path?: string; skip?: string } {
  if (cached) return cached;
  try {
    const path = execFileSync('which', ['psql'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    cached = path ? { path } : { skip: 'psql is not on PATH (`which psql` found nothing)' };
  } catch {
    cached = { skip: 'psql is not on PATH (`which psql` found nothing)' };
  }
  return cached;
}

/** `psql -X -q -1 -v ON_ERROR_STOP=1 -f FILE`: no psqlrc, quiet, one transaction, stop at the first error. */
export function psqlCommand(psql: string, url: string, file: string): ColdCommand {
  return { command: psql, args: ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file] };
}
