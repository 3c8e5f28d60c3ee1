/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP (a closed terminal) during a command:
 * the first one stops the work the way -timeout does (cancel the running
 * statement, roll back, write the failed audit row, print the report and the
 * JSON document) and the process exits 128 + the signal number; a second one
 * exits at once. Without this, Node's default handlers killed the process
 * silently, in the middle of a migration.
 */

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** 128 + the signal number, as shells report a process killed by it. */
export const SIGNAL_EXIT_CODES: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SignalWatch {
  /** Settles with the first signal; never settles when none comes. */
  readonly first: Promise<StopSignal>;
  /** Stop listening: Node's default handling comes back. */
  dispose(): void;
}

export interface SignalHost {
  on(signal: StopSignal, listener: () => void): unknown;
  removeListener(signal: StopSignal, listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * Listen for the stop signals. `onSecond` (default: write one line and exit
 * with the signal's code) runs when a second signal comes before dispose.
 */
export function watchStopSignals(
  host: SignalHost = process,
  onSecond: (signal: StopSignal) => void = (signal) => {
    process.stderr.write(`gander: ${signal} again: exiting now, without waiting for the cleanup\n`);
    host.exit(SIGNAL_EXIT_CODES[signal]);
  },
): SignalWatch {
  let resolveFirst: (signal: StopSignal) => void = () => undefined;
  const first = new Promise<StopSignal>((resolve) => {
    resolveFirst = resolve;
  });
  let seen: StopSignal | undefined;
  const listeners = SIGNALS.map((signal) => {
    const listener = () => {
      if (seen === undefined) {
        seen = signal;
        resolveFirst(signal);
      } else onSecond(signal);
    };
    host.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    first,
    dispose() {
      for (const [signal, listener] of listeners) host.removeListener(signal, listener);
    },
  };
}
