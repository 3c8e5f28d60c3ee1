import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env } from './args/dotenv.js';
import { run } from './main.js';
import { logLines, makeProject, MIGRATIONS } from './test-support/cli.js';
import { CLI_VERSION } from './version.js';

// The commands that need no database, in-process (fast), with a pinned clock.

const NOW = new Date(Date.UTC(2025, 10, 5, 9, 3, 7));

async function gander(argv: string[], options: { cwd?: string; env?: Env; isTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    isTTY: options.isTTY ?? false,
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

describe('flags, help and version', () => {
  it('prints the version on stdout', async () => {
    expect(await gander(['--version'])).toEqual({ code: 0, stdout: `gander version: ${CLI_VERSION}\n`, stderr: '' });
    expect((await gander(['status', '-version'])).stdout).toBe(`gander version: ${CLI_VERSION}\n`);
  });

  it('prints usage for -h, -help and --help with exit 0', async () => {
    for (const flag of ['-h', '-help', '--help', '--h']) {
      const result = await gander([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: gander [OPTIONS] DRIVER DBSTRING COMMAND');
      expect(result.stdout).toContain('create NAME [sql|ts]');
    }
  });

  it('rejects an unknown flag with exit 2', async () => {
    const result = await gander(['up', '-x']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('flag provided but not defined: -x');
    expect(result.stderr).toContain('Usage:');
    const json = await gander(['--json', '--nope']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'E_USAGE' } });
  });

  it('prints usage with exit 1 when there is nothing to run', async () => {
    expect((await gander([])).code).toBe(1);
    const partial = await gander(['up'], { env: { GOOSE_DRIVER: 'postgres' } });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('Usage:');
  });

  it('rejects a bad -log-prefix', async () => {
    const result = await gander(['-log-prefix', 'x', 'validate']);
    expect(result.code).toBe(1);
    expect(logLines(result.stderr)[0]).toBe('gander: invalid log prefix "x": it is goose or gander');
  });
});

describe('create', () => {
  it('creates a timestamped SQL file with v3.26’s template by default', async () => {
    const cwd = await makeProject({ 'migrations/.keep': '' });
    const result = await gander(['-dir', 'migrations', 'create', 'Add users table'], { cwd });
    expect(result.code).toBe(0);
    expect(logLines(result.stderr)).toEqual(['Created new file: migrations/20251105090307_add_users_table.sql'.replace('migrations', join(cwd, 'migrations'))]);
    const text = await readFile(join(cwd, 'migrations/20251105090307_add_users_table.sql'), 'utf8');
    expect(text).toBe(
      "-- +goose Up\n-- +goose StatementBegin\nSELECT 'up SQL query';\n-- +goose StatementEnd\n\n-- +goose Down\n-- +goose StatementBegin\nSELECT 'down SQL query';\n-- +goose StatementEnd\n",
    );
    expect(result.stderr.startsWith('2025/11/05')).toBe(true);
  });

  it('numbers sequentially with -s, after the highest sequential version, ignoring timestamps', async () => {
    const cwd = await makeProject({ ...MIGRATIONS, 'migrations/20230101000000_ts.sql': '-- +goose Up\n' });
    const result = await gander(['-s', '-dir', join(cwd, 'migrations'), 'create', 'next', 'ts', '--json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, command: 'create', created: join(cwd, 'migrations/00004_next.ts') });
    expect(await readFile(join(cwd, 'migrations/00004_next.ts'), 'utf8')).toContain('export async function up(db: Queryable)');
    const first = await makeProject({ 'm/.keep': '' });
    await gander(['-s', '-dir', join(first, 'm'), 'create', 'init'], { cwd: first });
    expect(await readdir(join(first, 'm'))).toContain('00001_init.sql');
  });

  it('refuses go, a missing name, a missing dir and an existing file', async () => {
    const cwd = await makeProject({ 'm/.keep': '' });
    const go = await gander(['-dir', join(cwd, 'm'), 'create', 'x', 'go'], { cwd });
    expect(go.code).toBe(1);
    expect(logLines(go.stderr)[0]).toBe('goose run: unknown migration type "go": gander creates sql (the default) or ts');
    expect((await gander(['create'], { cwd })).code).toBe(1);
    const noDir = await gander(['-dir', join(cwd, 'nope'), 'create', 'x'], { cwd });
    expect(logLines(noDir.stderr)[0]).toContain('failed to create migration file: open');
  });

  it('never reuses a version: create twice in one second takes the next free second', async () => {
    const cwd = await makeProject({ 'm/.keep': '' });
    await gander(['-dir', join(cwd, 'm'), 'create', 'x'], { cwd });
    const again = await gander(['-dir', join(cwd, 'm'), 'create', 'y'], { cwd });
    expect(again.code).toBe(0);
    expect((await readdir(join(cwd, 'm'))).filter((n) => n.endsWith('.sql')).sort()).toEqual(['20251105090307_x.sql', '20251105090308_y.sql']);
    expect((await gander(['-dir', join(cwd, 'm'), 'validate'], { cwd })).code).toBe(0);
  });
});

describe('fix, init, validate, env', () => {
  it('fix renames timestamped files to sequential ones', async () => {
    const cwd = await makeProject({
      'migrations/00001_a.sql': '-- +goose Up\n',
      'migrations/20230102000000_c.sql': '-- +goose Up\n',
      'migrations/20230101000000_b.sql': '-- +goose Up\n',
    });
    const result = await gander(['-dir', join(cwd, 'migrations'), 'fix'], { cwd });
    expect(result.code).toBe(0);
    expect(logLines(result.stderr)).toEqual(['RENAMED 20230101000000_b.sql => 00002_b.sql', 'RENAMED 20230102000000_c.sql => 00003_c.sql']);
    expect((await readdir(join(cwd, 'migrations'))).sort()).toEqual(['00001_a.sql', '00002_b.sql', '00003_c.sql']);
  });

  it('init creates migrations/ with a first migration, once', async () => {
    const cwd = await makeProject({});
    const first = await gander(['init'], { cwd });
    expect(first.code).toBe(0);
    expect(await readdir(join(cwd, 'migrations'))).toEqual(['20251105090307_initial.sql']);
    const second = await gander(['init'], { cwd });
    expect(second.code).toBe(1);
    expect(logLines(second.stderr)[0]).toBe(`goose run: directory already exists: ${join(cwd, 'migrations')}`);
  });

  it('validate parses every file; -v prints goose’s table', async () => {
    const cwd = await makeProject(MIGRATIONS);
    const quiet = await gander(['-dir', join(cwd, 'migrations'), 'validate'], { cwd });
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const verbose = await gander(['-v', '-dir', join(cwd, 'migrations'), 'validate'], { cwd });
    expect(verbose.stdout).toBe(
      [
        'Type   Txn   Up   Down   Name                   ',
        '────   ───   ──   ────   ────                   ',
        'sql    ✔     2    1      00001_users.sql        ',
        'sql    ✔     1    1      00002_user_count.sql   ',
        'sql    ✘     1    1      00003_index.sql        ',
        '',
      ].join('\n'),
    );
    await writeFile(join(cwd, 'migrations/00004_broken.sql'), 'SELECT 1;\n');
    const broken = await gander(['-dir', join(cwd, 'migrations'), 'validate'], { cwd });
    expect(broken.code).toBe(1);
    expect(logLines(broken.stderr)[0]).toMatch(/^goose validate: failed to parse file ".*00004_broken\.sql": /);
    await mkdir(join(cwd, 'bad'));
    await writeFile(join(cwd, 'bad/x.sql'), '-- +goose Up\n');
    const badName = await gander(['-dir', join(cwd, 'bad'), '--json', 'validate'], { cwd });
    expect(JSON.parse(badName.stdout)).toMatchObject({ ok: false, command: 'validate', error: { code: 'E_VALIDATE' } });
  });

  it('env prints goose’s variables (%q) and what gander resolved, with the password masked', async () => {
    const result = await gander(['env'], {
      env: { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: 'postgres://app:hunter2@db:5432/app', NO_COLOR: '1', GOOSE_TABLE: 'a"b' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'GOOSE_DRIVER="postgres"',
        'GOOSE_DBSTRING="postgres://app:****@db:5432/app"',
        'GOOSE_MIGRATION_DIR="."',
        'GOOSE_TABLE="a\\"b"',
        'NO_COLOR="true"',
        'GANDER_DRIVER="postgres"',
        'GANDER_TARGET="postgres://app:****@db:5432/app"',
        'GANDER_MIGRATION_DIR="."',
        'GANDER_TABLE="a\\"b"',
        'GANDER_LOG_PREFIX="goose"',
        'GANDER_ENV=""',
        '# GOOSE_DRIVER from the environment',
        '# GOOSE_DBSTRING from the environment',
        '# GOOSE_MIGRATION_DIR from nowhere (unset)',
        '# GOOSE_TABLE from the environment',
        '# NO_COLOR from the environment',
        '',
      ].join('\n'),
    );
    const fromFile = await makeProject({ '.env': '# settings\nGOOSE_DRIVER=postgres\nGOOSE_DBSTRING=postgres://app:hunter2@db/app\nAPP_SECRET=x\n' });
    const sourced = await gander(['env'], { cwd: fromFile, env: { GOOSE_DRIVER: 'pgx' } });
    expect(sourced.stdout).toContain('GOOSE_DRIVER="pgx"\n');
    expect(sourced.stdout).toContain('# GOOSE_DRIVER from the environment\n# GOOSE_DBSTRING from .env:3\n');
    expect(sourced.stdout).not.toContain('hunter2');
    const embedded = await gander(['env'], { env: {} });
    expect(embedded.stdout).toContain('GANDER_DRIVER="pglite (embedded)"\nGANDER_TARGET="pglite:.gander/pglite"\n');
  });
});

describe('goose parity in the error line', () => {
  it('never colours an error line, even on a terminal (goose never does)', async () => {
    const cwd = await makeProject({ 'migrations/00001_bad.sql': 'SELECT 1;\n' });
    const result = await gander(['-dir', 'migrations', 'validate'], { cwd, isTTY: true });
    expect(result.code).toBe(1);
    expect(result.stderr.includes('\u001b[')).toBe(false);
    // goose's `failed to parse file "<path>": <reason>`, the line only in gander's `at:` detail.
    expect(logLines(result.stderr)[0]).toMatch(/^goose validate: failed to parse file ".*migrations\/00001_bad\.sql": failed to parse migration: unexpected state 0 on line "SELECT 1;"/);
    expect(result.stderr).toMatch(/\n {4}at: .*00001_bad\.sql:1\n/);
  });

  it('-s init writes 00001_initial.sql, as goose does', async () => {
    const cwd = await makeProject({});
    const result = await gander(['-s', 'init'], { cwd });
    expect(result.code).toBe(0);
    expect(await readdir(join(cwd, 'migrations'))).toEqual(['00001_initial.sql']);
  });
});
