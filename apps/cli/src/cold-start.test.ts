import { mkdtemp, readdir, rm } from 'node:fs/promises';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, makeProject, MIGRATIONS, spawnTool } from './test-support/cli.js';
import { CLI_VERSION } from './version.js';

// What a cold start loads is the CLI's speed (bench/README.md, "Profile"):
// every module file is an open, a read and a compile before the first line of
// output. Node's loaders name each module they load under NODE_DEBUG=esm,module
// (the CLI, bin.cjs and cli.cjs, is CommonJS; core and the linter are ES modules
// it requires); these tests read that list from the built CLI, as users run it.

interface Loaded {
  code: number | null;
  stdout: string;
  /** With Node's loader debugging lines among the CLI's own. */
  stderr: string;
  /** file:// modules the ESM loader stored, as paths relative to the workspace where they are in it. */
  modules: string[];
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function loadedBy(args: readonly string[], cwd: string): Promise<Loaded> {
  const { code, stdout, stderr } = await spawnTool([process.execPath, BIN], args, cwd, { NODE_DEBUG: 'esm,module' });
  const esm = [...stderr.matchAll(/Storing (file:\/\/\S+)/g)].map((m) => fileURLToPath(m[1]!));
  const commonJs = [...stderr.matchAll(/load "([^"]+)" for module/g)].map((m) => m[1]!);
  // An ES module required from CommonJS is named by both loaders: once is enough.
  const modules = [...new Set([...commonJs, ...esm].map((path) => path.replace(ROOT, '')))];
  return { code, stdout, stderr, modules };
}

// Heavy modules that only some commands need: the TUI (Ink, React), PGlite itself (core's small adapter
// modules are part of its index), the linter and its grammar, YAML.
const HEAVY = /@electric-sql|[/]ink[/]|[/]react|packages\/tui|@gander\/tui|packages\/lint|@gander\/lint|libpg-query|[/]yaml[/]/;

describe('cold start: what each command line loads', () => {
  let project = '';
  beforeAll(async () => {
    assertBuilt();
    project = await makeProject(MIGRATIONS);
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('--version, in each of its spellings, loads bin.cjs and nothing else', async () => {
    for (const flag of ['--version', '-version', '--version=true', '-version=1']) {
      const run = await loadedBy([flag], project);
      expect({ code: run.code, stdout: run.stdout, modules: run.modules }).toEqual({ code: 0, stdout: `gander version: ${CLI_VERSION}\n`, modules: ['apps/cli/dist/bin.cjs'] });
    }
  });

  it('--version among other flags takes the ordinary path and prints the same', async () => {
    const run = await loadedBy(['-v', '--version'], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`gander version: ${CLI_VERSION}\n`);
    expect(run.modules).toContain('apps/cli/dist/cli.cjs');
  });

  it('--help loads no driver, parser, provider, TUI, PGlite or linter', async () => {
    const run = await loadedBy(['--help'], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: gander [OPTIONS] DRIVER DBSTRING COMMAND');
    expect(run.modules.filter((m) => HEAVY.test(m) || m.includes('packages/core'))).toEqual([]);
  });

  it('status on postgres loads neither the TUI, nor PGlite, nor the linter', async () => {
    // Port 1 refuses at once: the command gets as far as connecting, with every module it needs loaded.
    const run = await loadedBy(['-dir', 'migrations', 'postgres', 'postgres://gander@127.0.0.1:1/none?sslmode=disable&connect_timeout=5', 'status'], project);
    expect(run.code).toBe(1);
    expect(run.modules).toContain('packages/core/dist/index.js');
    expect(run.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('lint of files alone loads the linter and core, not a driver, PGlite or the TUI', async () => {
    const run = await loadedBy(['lint', 'migrations'], project);
    expect(run.code).toBe(0);
    expect(run.modules).toContain('packages/lint/dist/index.js');
    expect(run.modules).toContain('packages/core/dist/index.js');
    const needless = /[/]pg[/]|[/]pg-[a-z]+[/]|@electric-sql|packages\/tui|[/]ink[/]/;
    expect(run.modules.filter((m) => needless.test(m))).toEqual([]);
  });

  it('status on postgres loads @gander/core as one bundled file and the CLI as two', async () => {
    // Unbundled, this command line loaded 77 module files of core and 45 of the CLI (bench/README.md, "Profile");
    // each one an open, a read and a compile on every cold start. Then 28 ES module chunks of the CLI, whose
    // loading cost ~40 ms more than one CommonJS file ("Third pass").
    const run = await loadedBy(['-dir', 'migrations', 'postgres', 'postgres://gander@127.0.0.1:1/none?sslmode=disable&connect_timeout=5', 'status'], project);
    expect(run.code).toBe(1);
    const code = run.modules.filter((m) => !m.endsWith('.json')); // core's and the CLI's version come from package.json
    expect(code.filter((m) => m.startsWith('packages/'))).toEqual(['packages/core/dist/index.js']);
    expect(code.filter((m) => m.startsWith('apps/cli/'))).toEqual(['apps/cli/dist/bin.cjs', 'apps/cli/dist/cli.cjs']);
  });

  it('status on postgres connects with the node-postgres bundled into the CLI, not the package files', async () => {
    // pg's ~25 CommonJS files cost every postgres command ~18 ms to resolve and compile (bench/README.md,
    // "Third pass"); core's adapter must not load the package either, since the CLI hands it a pool.
    const run = await loadedBy(['-dir', 'migrations', 'postgres', 'postgres://gander@127.0.0.1:1/none?sslmode=disable&connect_timeout=5', 'status'], project);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot connect to .*ECONNREFUSED/); // node-postgres did run, and failed as it should
    expect(run.modules.filter((m) => /node_modules[/].*[/](pg|pg-[a-z-]+|postgres-[a-z]+)[/]/.test(m))).toEqual([]);
  });

  // Node ≥ 22.1 can keep V8's compiled code between runs; bin.cjs turns that on (bench/README.md, "Third pass").
  const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (!hasCompileCache) console.log(`compile cache test skipped: Node ${process.version} has no module.enableCompileCache (Node >= 22.1)`);
  it.skipIf(!hasCompileCache)("keeps V8's compile cache between runs, in the temp folder", async () => {
    const temp = await mkdtemp(join(tmpdir(), 'gander-compile-cache-'));
    try {
      const { code } = await spawnTool([process.execPath, BIN], ['--help'], project, { TMPDIR: temp });
      expect(code).toBe(0);
      expect((await readdir(join(temp, 'node-compile-cache'))).length).toBeGreaterThan(0);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });
});
