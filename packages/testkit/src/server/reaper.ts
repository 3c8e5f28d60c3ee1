import { spawn } from 'node:child_process';

/**
 * The reaper is a tiny detached Node process that outlives us: it polls our pid
 * and, once we are gone (crash, kill -9, Ctrl-C without cleanup), stops the
 * postgres postmaster found in `dataDir` and removes `dir`. `dismiss()` ends it
 * when we clean up ourselves.
 */
const REAPER_SOURCE = `
const fs = require('node:fs');
const [ppid, dir, dataDir] = process.argv.slice(1);
function alive(pid) { try { process.kill(Number(pid), 0); return true; } catch { return false; } }
function postmasterPid() {
  try { return Number(fs.readFileSync(dataDir + '/postmaster.pid', 'utf8').split('\\n')[0]); } catch { return 0; }
}
function reap() {
  const pid = postmasterPid();
  if (pid > 0) { try { process.kill(pid, 'SIGQUIT'); } catch {} }
  let waited = 0;
  const timer = setInterval(() => {
    waited += 100;
    if (pid > 0 && alive(pid) && waited < 5000) return;
    if (pid > 0 && alive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch {} }
    clearInterval(timer);
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch {}
    process.exit(0);
  }, 100);
}
setInterval(() => { if (!alive(ppid)) reap(); }, 300);
process.on('SIGTERM', () => process.exit(0));
`;

export interface Reaper {
  readonly pid: number | undefined;
  dismiss(): void;
}

export function spawnReaper(target: { dir: string; dataDir: string }): Reaper {
  const child = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid), target.dir, target.dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return {
    pid: child.pid,
    dismiss() {
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}
