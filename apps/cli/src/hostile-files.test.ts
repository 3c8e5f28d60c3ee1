import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env } from './args/dotenv.js';
import { runInProcess } from './test-support/in-process.js';
import { makeProject } from './test-support/cli.js';

// The hostile-folder cases through the CLI's file commands (no database): the
// refusal names the entry, nothing of the environment is printed, and
// validate refuses what up refuses.

const gander = (argv: string[], cwd: string, env: Env = {}) => runInProcess(argv, cwd, env, new Date(Date.UTC(2025, 10, 5, 9, 3, 7)));

const UP = '-- +goose Up\nSELECT 1;\n';

describe('validate on a hostile folder', () => {
  it('refuses a symlink to /proc/self/environ without printing the environment, in text and --json', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP });
    await symlink('/proc/self/environ', join(cwd, 'migrations/00002_env.sql'));
    process.env.GANDER_TEST_CANARY = 'canary-Hunter&Zebra42';
    try {
      for (const json of [false, true]) {
        const result = await gander([...(json ? ['--json'] : []), '-dir', 'migrations', 'validate'], cwd, { ...process.env } as Env);
        expect(result.code).toBe(1);
        const text = result.stdout + result.stderr;
        expect(text).toContain('00002_env.sql');
        expect(text).toContain('outside the migrations directory');
        expect(text).not.toContain('canary-Hunter');
        if (json) expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'E_UNSAFE_FILE' } });
      }
    } finally {
      delete process.env.GANDER_TEST_CANARY;
    }
  });

  it('refuses a FIFO named like a migration instead of hanging', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP });
    execFileSync('mkfifo', [join(cwd, 'migrations/00002_x.sql')]);
    const result = await gander(['-dir', 'migrations', 'validate'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('00002_x.sql');
    expect(result.stderr).toContain('FIFO');
  });

  it('refuses a directory named like a migration with its path', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP });
    await mkdir(join(cwd, 'migrations/00005_dir.sql'));
    const result = await gander(['-dir', 'migrations', 'validate'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('migrations/00005_dir.sql');
    expect(result.stderr).not.toContain('EISDIR');
  });

  it('refuses duplicate versions, as up does', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP, 'migrations/1_b.sql': UP });
    const result = await gander(['-dir', 'migrations', 'validate'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('found duplicate migration version 1');
  });
});

describe('nothing raw reaches the terminal; labels and numbers are bounded', () => {
  it('escapes ESC and newlines of a file name in an error, so no line can be forged or recoloured', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(cwd, 'migrations', '00002_\u001b[32mgreen\nOK   00003_forged.sql'), 'SELECT 1;\n');
    for (const json of [false, true]) {
      const result = await gander([...(json ? ['--json'] : []), '-dir', 'migrations', 'validate'], cwd);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain('\u001b');
      expect(result.stderr.split('\n').some((line) => line.startsWith('OK   00003'))).toBe(false);
      if (json) expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'E_VALIDATE' } });
      else expect(result.stderr).toContain('\\x1b[32mgreen\\x0aOK   00003_forged.sql');
    }
  });

  it('refuses an --env-label that is too long or holds control characters', async () => {
    const cwd = await makeProject({ 'migrations/00001_a.sql': UP });
    for (const label of ['x'.repeat(65), 'prod\u001b[2J']) {
      const result = await gander(['--env-label', label, '-dir', 'migrations', 'validate'], cwd);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('invalid environment label');
      expect(result.stderr).not.toContain('\u001b');
    }
    expect((await gander(['--env-label', 'staging', '-dir', 'migrations', 'validate'], cwd)).code).toBe(0);
  });

  it('refuses a history count PostgreSQL could not take, before connecting', async () => {
    const { historyLimit } = await import('./commands/history.js');
    expect(() => historyLimit(['99999999999999999999'])).toThrow(/at most 1000000 entries/);
    expect(historyLimit(['50'])).toBe(50);
  });
});
