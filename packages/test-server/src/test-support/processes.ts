// Test-only: look at processes through /proc (Linux).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Alive and not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** The pids whose parent is `ppid` (a postmaster's backends and workers). */
export function childrenOf(ppid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === ppid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

export const procAvailable = existsSync('/proc/self/stat');

/** Poll until `done()` or the deadline; returns how long it took, or undefined on timeout. */
export async function waitFor(done: () => boolean, timeoutMs: number, pollMs = 100): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (done()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return done() ? Date.now() - started : undefined;
}
