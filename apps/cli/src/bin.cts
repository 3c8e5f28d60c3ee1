#!/usr/bin/env node
// CommonJS on purpose: Node starts a CommonJS entry file without setting up its
// ESM loader, which `gander --version` does not need (1.0× `node -e 0` against
// 1.1× for an ES module entry; bench/README.md, "Profile after"). Every other
// command line requires the CLI, bundled into one CommonJS file (dist/cli.cjs,
// built from bundle-entry.ts; bench/README.md, "Third pass").
// A CommonJS file under verbatimModuleSyntax imports with `import … = require`.
/* eslint-disable @typescript-eslint/no-require-imports */
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import tty = require('node:tty');
/* eslint-enable @typescript-eslint/no-require-imports */
import type * as Entry from './bundle-entry.js';

// `gander --version` alone answers before anything else loads: on a cold
// start every module file costs an open, a read and a compile, and the target
// is 1.10 × `node -e 0` (bench/README.md, "Profile"). Any other command line,
// `--version` with other flags included, goes through run() unchanged.
const argv = process.argv.slice(2);
if (argv.length === 1 && /^--?version(=(1|t|T|true|TRUE|True))?$/.test(argv[0]!)) {
  // dist/bin.cjs sits one level below package.json (as version.ts reads it).
  const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  process.stdout.write(`gander version: ${version}\n`);
} else {
  void runCli();
}

async function runCli(): Promise<void> {
  // Node ≥ 22.1 keeps V8's compiled code of the modules between runs (in the OS temp folder;
  // NODE_DISABLE_COMPILE_CACHE=1 turns it off): `status` 116 → 106 ms on Node 22.23 (bench/README.md,
  // "Third pass"). Node 20 has no such function: nothing changes there.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // Built, the CLI is one CommonJS file the build writes beside this one; run from the sources (tsx, as the
  // TUI's end-to-end tests do) it is bundle-entry.ts.
  const { run } = __filename.endsWith('.cts')
    ? ((await import('./bundle-entry.js')) as typeof Entry)
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./cli.cjs') as typeof Entry);
  const code = await run(argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    // isatty(0), not process.stdin.isTTY: reading that builds the stdin stream (~4 ms of a cold start).
    interactive: tty.isatty(0) && process.stdout.isTTY === true,
  });
  process.exitCode = code;
  // Everything is closed by now; should a socket linger (a cancelled query on a
  // dead network), do not hang the shell that ran us.
  setTimeout(() => {
    // …but let a slow reader of stdout have the whole JSON document first.
    if (process.stdout.writableLength > 0) process.stdout.once('drain', () => process.exit(code));
    else process.exit(code);
  }, 2000).unref();
}
