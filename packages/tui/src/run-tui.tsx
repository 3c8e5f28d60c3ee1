import type { PlannedMigration } from '@gander/core';
import { render } from 'ink';
import { alternateScreen } from './alternate-screen.js';
import { App, type ProviderSource } from './app.js';
import { notATtyError } from './errors.js';
import { resolveNoColor } from './no-color.js';
import type { LintPlan } from './state/types.js';
import type { WatchFiles } from './state/use-tui.js';

/**
 * Options of runTui. The database comes one of two ways: `withProvider` (a
 * provider lent for each operation, nothing held in between: the way for the
 * embedded database, see pgliteInWorker) or `provider` (+ `load`), held open
 * by the caller for the whole session.
 */
export type RunTuiOptions = ProviderSource & {
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
  /** Lint findings for the migrations a plan would apply, shown on the plan screen. */
  lint?: LintPlan;
};

/** How the session ended. */
export interface TuiSummary {
  /**
   * Set when the user stopped a run (q, Ctrl-C) and planned migrations did
   * not run: what ran and what did not. The caller should exit non-zero.
   */
  interrupted: { operation: string; ran: string[]; notRun: string[]; currentVersion: bigint | undefined } | undefined;
}

/** Only the provider source's own fields, so App sees one of its two forms. */
function sourceOf(options: RunTuiOptions): ProviderSource {
  if ('withProvider' in options) {
    return { withProvider: options.withProvider, target: options.target, ...(options.canAllowDrift === undefined ? {} : { canAllowDrift: options.canAllowDrift }) };
  }
  return { provider: options.provider, ...(options.load ? { load: options.load } : {}) };
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
        {...sourceOf(options)}
        {...(options.lint ? { lint: options.lint } : {})}
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
