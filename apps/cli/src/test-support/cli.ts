import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI: integration tests run it as users do. */
export const BIN = fileURLToPath(new URL('../../dist/bin.cjs', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: build first (pnpm build)`);
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Every output of every run, for the "no password anywhere" checks. */
export const allOutput: string[] = [];

/** Run a program with only PATH, HOME, TZ=UTC and `env` set (no GOOSE_* or PG* of this process leaking in). */
export function spawnTool(program: readonly string[], args: readonly string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(program[0]!, [...program.slice(1), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Run `node dist/bin.cjs ...args` in `cwd` with only PATH, HOME, TZ and `env` set; its output joins `allOutput`. */
export async function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const started = performance.now();
  const ran = await spawnTool([process.execPath, BIN], args, options.cwd, options.env ?? {});
  allOutput.push(ran.stdout, ran.stderr);
  return { ...ran, ms: performance.now() - started };
}

/** A temp project: `files` maps relative paths (e.g. migrations/00001_a.sql) to text. */
export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gander-cli-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Log lines without Go's `YYYY/MM/DD HH:MM:SS ` prefix. */
export function logLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /, ''));
}

export const MIGRATIONS: Record<string, string> = {
  'migrations/00001_users.sql': `-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO users VALUES (1, 'root');

-- +goose Down
DROP TABLE users;
`,
  'migrations/00002_user_count.sql': `-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION user_count() RETURNS bigint AS $$
BEGIN
  RETURN (SELECT count(*) FROM users);
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION user_count();
`,
  'migrations/00003_index.sql': `-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_name ON users (name);

-- +goose Down
DROP INDEX CONCURRENTLY users_name;
`,
};

export const BAD_MIGRATION = `-- +goose Up
-- first statement is fine
SELECT 1;
SELECT *
  FROM no_such_table;

-- +goose Down
SELECT 1;
`;
