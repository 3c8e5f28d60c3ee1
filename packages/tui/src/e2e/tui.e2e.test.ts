import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasTmux, startTmux } from './tmux.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmux = hasTmux();
const SKIP_REASON = ' (skipped: tmux is not on PATH; install it with `apt-get install -y tmux`)';

/** The list with every migration applied: four rows saying applied, none pending. */
const allApplied = (screen: string) => (screen.match(/ applied /g) ?? []).length === 4 && !screen.includes('pending');

describe('gander tui in a real terminal (tmux, 80x24)', () => {
  it.skipIf(!tmux)(`u, y applies every migration, q quits and restores the screen${tmux ? '' : SKIP_REASON}`, async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'gander-tui-e2e-'));
    const dataDir = join(workDir, 'pglite');
    // A clean environment: CI=true would make Ink draw only its last frame, and
    // vitest's NODE_OPTIONS/FORCE_COLOR are not the user's terminal.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir(), TERM: 'xterm-256color', LANG: 'C.UTF-8' };
    const command = `node --conditions=@gander/source --import tsx src/e2e/tui-fixture.ts ${dataDir}; echo "gander-e2e: exit code $?"; sleep 60`;
    const session = startTmux({ command, cwd: packageDir, columns: 80, rows: 24, env, socketDir: workDir });
    try {
      // tsx compiles the sources and PGlite initialises a data directory: seconds, more on a busy machine.
      const first = await session.waitFor((s) => s.includes('4 pending') && s.includes('q quit'), 'the migration list', 60_000);
      expect(first).toContain('pglite:');
      expect(first).toMatch(/VERSION\s+NAME\s+STATE\s+APPLIED AT\s+BY/);

      session.sendKeys('u');
      const plan = await session.waitFor((s) => s.includes('[y/N]'), 'the plan');
      expect(plan).toContain('1/4  UP  00001_create_users.sql');

      session.sendKeys('y');
      const result = await session.waitFor((s) => s.includes('Finished: up'), 'the outcome');
      expect(result).toContain('the database is at version 4');

      session.sendKeys('Enter');
      const list = await session.waitFor(allApplied, 'the list, all applied');
      expect(list).toContain('version 4 (latest 4)  up to date');
      expect(list).toContain('(e2e)');
      for (const line of list.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      // The evidence: the screen as a person saw it.
      console.log(`tmux capture-pane, 80x24, after u, y:\n${list}`);

      session.sendKeys('q');
      const after = await session.waitFor((s) => s.includes('gander-e2e: exit code'), 'the program to exit');
      expect(after).toContain('gander-e2e: quit at version 4');
      expect(after).toContain('gander-e2e: exit code 0');
      // The alternate screen was left: none of the TUI is on the shell's screen.
      expect(after).not.toContain('VERSION');
    } finally {
      session.kill();
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
