#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// `gander --version` alone answers before anything else loads: on a cold
// start every module file costs an open, a read and a compile, and the target
// is 1.10 × `node -e 0` (bench/README.md, "Profile"). Any other command line,
// `--version` with other flags included, goes through run() unchanged.
const argv = process.argv.slice(2);
if (argv.length === 1 && /^--?version(=(1|t|T|true|TRUE|True))?$/.test(argv[0]!)) {
  // dist/bin.js sits one level below package.json (as version.ts reads it).
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`gander version: ${version}\n`);
} else {
  const { run } = await import('./main.js');
  const code = await run(argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
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
