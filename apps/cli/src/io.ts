import type { Env } from './args/dotenv.js';

/** Somewhere to write text: process.stdout/stderr, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Everything `run` touches outside itself, so it can run in-process in tests. */
export interface RunIO {
  /** The environment; a loaded .env file adds to it (never overriding), as goose does to os.Environ. */
  env: Env;
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  /** stderr is a terminal: colour is allowed. */
  isTTY: boolean;
  /** stdin and stdout are a terminal: `gander` with no command opens the TUI there. */
  interactive?: boolean;
  /** The clock for log timestamps (tests pin it). */
  now?: () => Date;
}
