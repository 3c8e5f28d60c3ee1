import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { BIN } from '../test-support/cli.js';

/** Start the built CLI without waiting for it: for races and crashes. */
export function startCli(args: readonly string[], cwd: string): ChildProcess & { output: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return Object.assign(child, { output });
}

/** Poll `check` every 50 ms until it is true; fail after `ms`. Bounded, so tests stop by themselves. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function scalar(url: string, sql: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>(sql);
    return String(rows[0]?.v);
  });
}

/** `n` small migrations, each one table and one row, with a Down. */
export function smallMigrations(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let v = 1; v <= n; v++) {
    files[`migrations/${String(v).padStart(5, '0')}_t${v}.sql`] =
      `-- +goose Up\nCREATE TABLE t${v} (id int PRIMARY KEY);\nINSERT INTO t${v} VALUES (${v});\n\n-- +goose Down\nDROP TABLE t${v};\n`;
  }
  return files;
}
