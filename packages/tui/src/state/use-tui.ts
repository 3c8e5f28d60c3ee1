import type { Provider } from '@gander/core';
import { useApp, useStdout } from 'ink';
import { performance } from 'node:perf_hooks';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { toErrorInfo } from '../format/error-info.js';
import { describeOperation } from '../format/plan-lines.js';
import type { Intent } from '../keys/intent.js';
import { readSize } from '../layout/read-size.js';
import { migrationSql } from './migration-sql.js';
import { runOperation } from './operations.js';
import { initialState, reducer } from './reducer.js';
import { rowsFromStatus } from './rows.js';
import type { RunOutcome, TuiState } from './types.js';

const HISTORY_LIMIT = 200;

/** Long enough for React to commit and Ink to write one frame (Ink draws at most every 33 ms). */
const PAINT_MS = 40;

function paintFirst(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAINT_MS));
}

export interface Tui {
  state: TuiState;
  perform: (intent: Intent) => void;
}

/**
 * All of the app's state, and the only place that talks to the provider:
 * status on start and after every run, plans, runs, history, and the
 * provider's progress events.
 */
export function useTui(provider: Provider): Tui {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(provider.db.target, readSize(stdout)));
  // Tags each plan/history request so an answer the user walked away from is dropped.
  const requests = useRef(0);

  const refresh = useCallback(async () => {
    try {
      const status = await provider.status();
      dispatch({
        type: 'status-loaded',
        rows: rowsFromStatus(status, provider.sources),
        currentVersion: status.currentVersion,
        latestVersion: status.latestVersion,
      });
    } catch (error) {
      dispatch({ type: 'status-failed', error: toErrorInfo(error) });
    }
  }, [provider]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const unsubscribe = provider.subscribe((event) => dispatch({ type: 'provider-event', event, at: Date.now() }));
    return () => {
      unsubscribe();
    };
  }, [provider]);

  useEffect(() => {
    const onResize = () => dispatch({ type: 'resized', size: readSize(stdout) });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);

  const perform = useCallback(
    (intent: Intent) => {
      switch (intent.type) {
        case 'dispatch':
          dispatch(intent.action);
          return;
        case 'statements':
          dispatch({ type: 'show-statements', sql: migrationSql(provider, intent.version) });
          return;
        case 'plan': {
          const request = ++requests.current;
          dispatch({ type: 'loading', request, what: `planning ${describeOperation(intent.operation)}` });
          provider.plan(intent.operation).then(
            (plan) => dispatch({ type: 'plan-loaded', request, plan }),
            (error: unknown) => dispatch({ type: 'request-failed', request, title: `Cannot plan ${intent.operation.kind}`, error: toErrorInfo(error) }),
          );
          return;
        }
        case 'history': {
          const request = ++requests.current;
          dispatch({ type: 'loading', request, what: 'reading the audit log' });
          provider.history(HISTORY_LIMIT).then(
            (rows) => dispatch({ type: 'history-loaded', request, rows }),
            (error: unknown) => dispatch({ type: 'request-failed', request, title: 'Cannot read the history', error: toErrorInfo(error) }),
          );
          return;
        }
        case 'run': {
          dispatch({ type: 'run-started', plan: intent.plan, at: Date.now() });
          const started = performance.now();
          // Paint the progress screen before the run starts: PGlite runs in this
          // thread and may not give the event loop back until it is done.
          void paintFirst()
            .then(() => runOperation(provider, intent.plan.operation))
            .then(
              (result): RunOutcome => ({
                error: result.error ? toErrorInfo(result.error) : undefined,
                currentVersion: result.currentVersion,
                completed: result.results.filter((r) => !r.error).length,
                durationMs: performance.now() - started,
              }),
              // The provider returns its own errors; a throw is a lost connection or a bug.
              (error: unknown): RunOutcome => ({ error: toErrorInfo(error), currentVersion: undefined, completed: 0, durationMs: performance.now() - started }),
            )
            .then(async (outcome) => {
              // Refresh first, so the list behind the outcome is already current.
              await refresh();
              dispatch({ type: 'run-finished', outcome });
            });
          return;
        }
      }
    },
    [provider, refresh],
  );

  return { state, perform };
}
