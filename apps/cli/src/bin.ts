#!/usr/bin/env node
import { run } from './main.js';

const code = await run(process.argv.slice(2), {
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
