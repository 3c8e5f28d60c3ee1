// Test-only: the real `gander tui` command (apps/cli, run from source through
// tsx) in a real pseudo-terminal, on the embedded database of a work folder
// the test fills with migration files. Only spawned by path: no import of the
// CLI package, so the packages keep their dependency direction.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { hasTmux, startTmux, type TmuxSession } from './tmux.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliBin = join(packageDir, '..', '..', 'apps', 'cli', 'src', 'bin.cts');
// tsx's ESM loader by file URL: the work folder has no node_modules to find it from.
const tsxLoader = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;

export const EXIT_MARK = 'gander-e2e: exit code';

/** Whether tmux runs here; without it every e2e test is skipped, and its name says why. */
export const TMUX = hasTmux();
export const SKIP_WHY = TMUX ? '' : ' (skipped: tmux is not on PATH; install it with `apt-get install -y tmux`)';
/** The first screen waits for PGlite's cold start, slow on a loaded machine. */
export const START_MS = 90_000;
/** The two terminal sizes each reproduction runs at (the layout test picks its own). */
export const TWO_SIZES: [number, number][] = [
  [100, 30],
  [60, 15],
];

/** A goose file with an Up and a Down section. */
export const migration = (up: string, down: string) => `-- +goose Up\n${up}\n\n-- +goose Down\n${down}\n`;

/** A fresh work folder per test of the calling file, removed after each test. */
export function useWorkFolders(): () => Promise<WorkFolder> {
  let current: WorkFolder | undefined;
  afterEach(async () => {
    await current?.remove();
    current = undefined;
  });
  return async () => (current = await workFolder());
}

export interface WorkFolder {
  dir: string;
  /** Write (or overwrite) migrations/<name>. */
  write(name: string, content: string): Promise<void>;
  /** Start `gander -dir migrations tui` at this size; the shell prints the exit code after it. */
  start(columns: number, rows: number): TmuxSession;
  /** Run the CLI once in this folder, as a second process beside the TUI (no terminal): its exit code and output. */
  cli(args: string[], timeoutMs?: number): Promise<{ code: number | null; stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

export async function workFolder(): Promise<WorkFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'gander-tui-e2e-'));
  await mkdir(join(dir, 'migrations'));
  const sessions: TmuxSession[] = [];
  // A clean environment: CI=true would make Ink draw only its last frame, and
  // vitest's NODE_OPTIONS/FORCE_COLOR are not the user's terminal.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? tmpdir(),
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    // The .tsx sources compile with the TUI's JSX settings, whatever the cwd.
    TSX_TSCONFIG_PATH: join(packageDir, 'tsconfig.json'),
  };
  return {
    dir,
    write: (name, content) => writeFile(join(dir, 'migrations', name), content),
    start(columns, rows) {
      // One tmux server per start: a restart is a new session on the same database.
      const socketDir = join(dir, `tmux-${sessions.length}`);
      mkdirSync(socketDir);
      const command = `node --conditions=@gander/source --import ${tsxLoader} ${cliBin} -dir migrations tui; echo "${EXIT_MARK} $?"; sleep 120`;
      const session = startTmux({ command, cwd: dir, columns, rows, env, socketDir });
      sessions.push(session);
      return session;
    },
    cli(args, timeoutMs = 120_000) {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--conditions=@gander/source', '--import', tsxLoader, cliBin, ...args], { cwd: dir, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
    },
    async remove() {
      for (const s of sessions) s.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The list is up: its hint line is drawn. */
export const onList = (screen: string) => screen.includes('q quit') && screen.includes('VERSION');

/** Every line of the screen fits the width (tmux pads nothing; a wrapped line would be longer). */
export function widest(screen: string): number {
  return Math.max(...screen.split('\n').map((l) => [...l].length));
}
