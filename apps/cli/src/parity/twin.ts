import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { BIN, spawnTool } from '../test-support/cli.js';
import { normaliseOutput, withoutGanderErrorDetail } from './normalise.js';
import type { Step } from './scenario.js';

/** One tool's side of a differential run: its own copy of the project and its own database. */
export interface Side {
  tool: 'goose' | 'gander';
  program: string[];
  cwd: string;
  databaseName: string;
  databaseUrl: string;
}

export interface Observation {
  code: number | null;
  stdout: string[];
  stderr: string[];
  /** `version_id applied` per row of the version table, in id order, or why there are none. */
  rows: string[];
  /** The project's files (create, fix and init write some). */
  files: string[];
}

export async function copyProject(from: string, tool: string): Promise<string> {
  const to = await mkdtemp(join(tmpdir(), `gander-parity-${tool}-`));
  await cp(from, to, { recursive: true });
  return to;
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.gander') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(relative(root, path));
  }
  return out.sort();
}

export async function versionRows(databaseUrl: string, table: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ v: string; a: boolean }>(`SELECT version_id::text AS v, is_applied AS a FROM ${table} ORDER BY id`);
    return rows.rows.map((r) => `${r.v} ${r.a}`);
  } catch (error) {
    return [`(no rows: ${(error as Error).message})`];
  } finally {
    await client.end();
  }
}

/** Run one step on one side and observe everything the other side is compared on. */
export async function observe(side: Side, step: Step, table: string, replace: ReadonlyArray<readonly [string, string]>): Promise<Observation> {
  const ran = await spawnTool(side.program, step.args, side.cwd, step.env);
  const n = { replace: [...replace, [side.cwd, '<project>'] as const, [side.databaseName, '<db>'] as const] };
  let stderr = normaliseOutput(ran.stderr, n);
  if (side.tool === 'gander') stderr = withoutGanderErrorDetail(stderr);
  return {
    code: ran.code,
    stdout: normaliseOutput(ran.stdout, n),
    stderr,
    rows: await versionRows(side.databaseUrl, table),
    files: (await listFiles(side.cwd)).map((f) => f.replace(/\b\d{14}_/, '<timestamp>_')),
  };
}

export const ganderProgram = (): string[] => [process.execPath, BIN];

export async function runSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
