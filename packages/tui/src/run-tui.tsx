import type { PlannedMigration, Provider } from '@gander/core';
import { render } from 'ink';
import { alternateScreen } from './alternate-screen.js';
import { App } from './app.js';
import { notATtyError } from './errors.js';
import { resolveNoColor } from './no-color.js';
import type { LoadProvider, WatchFiles } from './state/use-tui.js';

export interface RunTuiOptions {
  /** The caller's provider; the TUI uses it and never closes it or its database. */
  provider: Provider;
  /**
   * Makes a provider over the migration files as they are now, on the same
   * database; called before every plan and on `R` (re-read). Without it the
   * files are read once, at start-up.
   */
  load?: LoadProvider;
  /** The provider already runs over drifted files (--allow-drift). */
  driftAllowed?: boolean;
  /** Calls back when the migration files change, so the list is re-read without a key; returns the unsubscribe. */
  watch?: WatchFiles;
  /** Default process.stdin; must be a TTY (single keys, raw mode). */
  stdin?: NodeJS.ReadStream;
  /** Default process.stdout; must be a TTY. */
  stdout?: NodeJS.WriteStream;
  /** No colours; default: on when NO_COLOR is set and not empty. */
  noColor?: boolean;
}

/** How the session ended. */
export interface TuiSummary {
  /**
   * Set when the user stopped a run (q, Ctrl-C) and planned migrations did
   * not run: what ran and what did not. The caller should exit non-zero.
   */
  interrupted: { operation: string; ran: string[]; notRun: string[]; currentVersion: bigint | undefined } | undefined;
}

function describeStep(step: Pick<PlannedMigration, 'direction' | 'file'>): string {
  return `${step.direction} ${step.file}`;
}

/**
 * Run the interactive TUI until the user quits (q or Ctrl-C). Refuses with
 * TuiError E_NOT_A_TTY when stdin or stdout is not a terminal. The terminal is
 * always given back: Ink unmounts (raw mode off, cursor shown) and the
 * alternate screen is left, whether the app quits or throws.
 */
export async function runTui(options: RunTuiOptions): Promise<TuiSummary> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  if (!stdout.isTTY) throw notATtyError('stdout');
  if (!stdin.isTTY) throw notATtyError('stdin');
  const noColor = resolveNoColor(options.noColor, process.env);
  const summary: TuiSummary = { interrupted: undefined };
  const screen = alternateScreen(stdout);
  screen.enter();
  try {
    // Ctrl-C is handled by the app, so it can stop after the running migration.
    const instance = render(
      <App
        provider={options.provider}
        {...(options.load ? { load: options.load } : {})}
        {...(options.driftAllowed === undefined ? {} : { driftAllowed: options.driftAllowed })}
        {...(options.watch ? { watch: options.watch } : {})}
        noColor={noColor}
        onInterrupted={(outcome) => {
          summary.interrupted = {
            operation: outcome.operation,
            ran: outcome.ran.map(describeStep),
            notRun: outcome.notRun.map(describeStep),
            currentVersion: outcome.currentVersion,
          };
        }}
      />,
      { stdout, stdin, exitOnCtrlC: false },
    );
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
  return summary;
}
