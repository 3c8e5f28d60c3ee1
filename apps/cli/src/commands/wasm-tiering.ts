import { setFlagsFromString } from 'node:v8';

/**
 * `gander lint` parses with PostgreSQL's grammar compiled to WebAssembly. V8
 * compiles it twice by default: quickly (Liftoff), then again, optimised
 * (TurboFan), on background threads, and Node waits for those threads before
 * the process exits. For a command that runs once and ends, the second compile
 * costs more than it saves: measured on a 2-core machine, a one-file lint
 * went from ~0.46 s to ~0.30 s and 10,000 files took less CPU in all
 * (bench/README.md, "Lint"). Set before the parser module is loaded (the flag
 * is read when a module compiles), and only in the lint command's process:
 * a library must not change V8 flags for its host.
 */
export function compileWasmOnce(): void {
  setFlagsFromString('--liftoff-only');
}
