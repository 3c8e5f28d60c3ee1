import type { Provider } from '@gander/core';
import { render } from 'ink';
import { alternateScreen } from './alternate-screen.js';
import { App } from './app.js';
import { notATtyError } from './errors.js';
import { resolveNoColor } from './no-color.js';

export interface RunTuiOptions {
  /** The caller's provider; the TUI uses it and never closes it or its database. */
  provider: Provider;
  /** Default process.stdin; must be a TTY (single keys, raw mode). */
  stdin?: NodeJS.ReadStream;
  /** Default process.stdout; must be a TTY. */
  stdout?: NodeJS.WriteStream;
  /** No colours; default: on when NO_COLOR is set and not empty. */
  noColor?: boolean;
}

/**
 * Run the interactive TUI until the user quits (q or Ctrl-C). Refuses with
 * TuiError E_NOT_A_TTY when stdin or stdout is not a terminal. The terminal is
 * always given back: Ink unmounts (raw mode off, cursor shown) and the
 * alternate screen is left, whether the app quits or throws.
 */
export async function runTui(options: RunTuiOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  if (!stdout.isTTY) throw notATtyError('stdout');
  if (!stdin.isTTY) throw notATtyError('stdin');
  const noColor = resolveNoColor(options.noColor, process.env);
  const screen = alternateScreen(stdout);
  screen.enter();
  try {
    // Ctrl-C is handled by the app, so it can wait for a running migration to finish.
    const instance = render(<App provider={options.provider} noColor={noColor} />, { stdout, stdin, exitOnCtrlC: false });
    try {
      await instance.waitUntilExit();
    } finally {
      instance.unmount();
      // Ink keeps one instance per stdout; forget it so a later runTui starts fresh.
      instance.cleanup();
    }
  } finally {
    screen.leave();
  }
}
