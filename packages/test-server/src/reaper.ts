import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { Writable } from 'node:stream';

/**
 * The reaper is a tiny detached Node process that outlives us. It notices our
 * death two ways: the pipe on its stdin closes (the kernel closes our end when
 * we exit, however we die, even while we are still a zombie) and, as a
 * fallback, our pid stops answering. Then it stops the postmaster named in
 * `dataDir/postmaster.pid` (SIGQUIT, then SIGKILL after 5 s) and removes
 * `dir`. `dismiss()` ends it without doing anything, once we cleaned up
 * ourselves. It runs in its own session, so a Ctrl-C on our terminal does not
 * reach it.
 */
const REAPER_SOURCE = `
const fs = require('node:fs');
const [ppid, dir, dataDir] = process.argv.slice(1);
let reaping = false;
function alive(pid) { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === 'EPERM'; } }
function postmasterPid() {
  try { return Number(fs.readFileSync(dataDir + '/postmaster.pid', 'utf8').split('\\n')[0]) || 0; } catch { return 0; }
}
function reap() {
  if (reaping) return;
  reaping = true;
  const pid = postmasterPid();
  if (pid > 0) { try { process.kill(pid, 'SIGQUIT'); } catch {} }
  let waited = 0;
  const timer = setInterval(() => {
    waited += 50;
    if (pid > 0 && alive(pid) && waited < 5000) return;
    if (pid > 0 && alive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch {} }
    clearInterval(timer);
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch {}
    process.exit(0);
  }, 50);
}
process.stdin.on('end', reap);
process.stdin.on('close', reap);
process.stdin.on('error', reap);
process.stdin.resume();
setInterval(() => { if (!alive(ppid)) reap(); }, 250);
process.on('SIGTERM', () => { if (!reaping) process.exit(0); });
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);
`;

export interface Reaper {
  readonly pid: number | undefined;
  /** We cleaned up ourselves: end the reaper without touching anything. */
  dismiss(): void;
}

export interface ReaperTarget {
  /** Removed when we die. */
  dir: string;
  /** The postgres data directory, whose postmaster.pid names the server to stop. */
  dataDir: string;
}

export function spawnReaper(target: ReaperTarget): Reaper {
  const child = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid), target.dir, target.dataDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    cwd: tmpdir(),
  });
  // Neither the process nor the pipe may keep our event loop alive.
  child.unref();
  const pipe = child.stdin as (Writable & { unref?: () => void }) | null;
  pipe?.unref?.();
  pipe?.on('error', () => undefined);
  let dismissed = false;
  return {
    pid: child.pid,
    dismiss() {
      if (dismissed || child.pid === undefined) return;
      dismissed = true;
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
