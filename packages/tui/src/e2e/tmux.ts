// Test-only: drive a program in a real pseudo-terminal through tmux, on a
// private server socket so nothing else's tmux is touched.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

export interface TmuxSession {
  sendKeys(...keys: string[]): void;
  /** The visible screen, as text. */
  capture(): string;
  /** The screen with lines the terminal wrapped joined back (the shell's output after the TUI quit). */
  captureJoined(): string;
  /** Poll the screen until `ready`; fails with the last screen. */
  waitFor(ready: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  kill(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `socketDir` is a directory of the caller's: the server's socket lives (and is removed) there. */
export function startTmux(options: {
  command: string;
  cwd: string;
  columns: number;
  rows: number;
  env: NodeJS.ProcessEnv;
  socketDir: string;
}): TmuxSession {
  const socket = join(options.socketDir, 'tmux.sock');
  const run = (...args: string[]) => {
    const result = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { env: options.env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  };
  run('new-session', '-d', '-s', 'e2e', '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, options.command);
  const session: TmuxSession = {
    sendKeys: (...keys) => void run('send-keys', '-t', 'e2e', ...keys),
    capture: () => run('capture-pane', '-p', '-t', 'e2e'),
    captureJoined: () => run('capture-pane', '-p', '-J', '-t', 'e2e'),
    async waitFor(ready, what, timeoutMs = 25_000) {
      const deadline = Date.now() + timeoutMs;
      let screen = session.capture();
      while (!ready(screen)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
        await sleep(100);
        screen = session.capture();
      }
      return screen;
    },
    kill() {
      spawnSync('tmux', ['-S', socket, 'kill-server'], { env: options.env, stdio: 'ignore' });
      rmSync(socket, { force: true });
    },
  };
  return session;
}
