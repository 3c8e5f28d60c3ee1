import type { Plan, PlanOperation, Provider } from '@gander/core';
import { useApp, useStdout } from 'ink';
import { performance } from 'node:perf_hooks';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { toErrorInfo } from '../format/error-info.js';
import { describeOperation } from '../format/plan-lines.js';
import type { Intent } from '../keys/intent.js';
import { readSize } from '../layout/read-size.js';
import { lastFailures } from './last-failures.js';
import { migrationSql } from './migration-sql.js';
import { initialState, reducer } from './reducer.js';
import { runPlan } from './run-plan.js';
import { rowsFromStatus } from './rows.js';
import type { DriftNote, RunOutcome, TuiState } from './types.js';

/** Enough of the audit log to find each version's latest attempt. */
const HISTORY_LIMIT = 1000;

/** Long enough for React to commit and Ink to write one frame (Ink draws at most every 33 ms). */
const PAINT_MS = 40;

function paintFirst(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAINT_MS));
}

/**
 * Makes a provider over the migration files as they are now. Called before
 * every plan and on refresh, so a file fixed while the TUI is open is what
 * runs. `allowDrift` is asked for one run, after the user typed allow-drift.
 */
export type LoadProvider = (options: { allowDrift: boolean }) => Promise<Provider>;

export interface TuiOptions {
  /** The provider to start with (status is shown from it until the first reload). */
  provider: Provider;
  /** Absent: the files are never re-read and drift cannot be allowed from the TUI. */
  load?: LoadProvider;
  /** The provider already allows drift (--allow-drift). */
  driftAllowed?: boolean;
  /** Told when a run was stopped by the user with migrations left: the caller exits non-zero. */
  onInterrupted?: (outcome: RunOutcome) => void;
  /** Calls back when the migration files change; returns the unsubscribe function. */
  watch?: WatchFiles;
}

/** Tells the TUI the migration folder changed, so the list is re-read without a key. */
export type WatchFiles = (onChange: () => void) => () => void;

export interface Tui {
  state: TuiState;
  perform: (intent: Intent) => void;
}

function isUp(op: PlanOperation): boolean {
  return op.kind === 'up' || op.kind === 'up-to' || op.kind === 'up-by-one';
}

/** Versions whose file says NO TRANSACTION; a file that does not parse is left out (its plan says why). */
function noTxVersions(provider: Provider): Set<bigint> {
  const out = new Set<bigint>();
  for (const source of provider.sources) {
    if (source.kind !== 'sql') continue;
    try {
      if (!provider.statements(source.version).useTx) out.add(source.version);
    } catch {
      // shown when the plan or the statements are asked for
    }
  }
  return out;
}

/**
 * All of the app's state, and the only place that talks to the provider:
 * status on start, before every plan and after every run, plans, runs,
 * history, and the provider's progress events.
 */
export function useTui({ provider: initial, load, driftAllowed = false, onInterrupted, watch }: TuiOptions): Tui {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState(initial.db.target, readSize(stdout), { driftAllowed, canAllowDrift: load !== undefined }),
  );
  // Tags each plan/history request so an answer the user walked away from is dropped.
  const requests = useRef(0);
  const provider = useRef(initial);
  const noVersioning = useRef(false);
  // Set by q / Ctrl-C while a run is in progress; read between migrations.
  const stopRequested = useRef(false);
  const outcomeRef = useRef<RunOutcome | undefined>(undefined);

  /** A provider over the files as they are now (the first one until a loader is given). */
  const fresh = useCallback(async (): Promise<Provider> => {
    if (load) provider.current = await load({ allowDrift: false });
    return provider.current;
  }, [load]);

  const loadStatus = useCallback(async (p: Provider) => {
    const [status, history] = [await p.status(), await p.history(HISTORY_LIMIT)];
    noVersioning.current = status.noVersioning;
    dispatch({
      type: 'status-loaded',
      rows: rowsFromStatus(status, p.sources, { noTx: noTxVersions(p), failures: lastFailures(history) }),
      currentVersion: status.currentVersion,
      latestVersion: status.latestVersion,
    });
    return status;
  }, []);

  const refresh = useCallback(async () => {
    try {
      await loadStatus(await fresh());
    } catch (error) {
      dispatch({ type: 'status-failed', error: toErrorInfo(error) });
    }
  }, [fresh, loadStatus]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The folder changed: re-read it for the list. Plans re-read anyway; a run in progress is left alone.
  const busy = useRef(false);
  useEffect(() => {
    busy.current = state.screen.kind === 'running' || state.screen.kind === 'loading';
  });
  useEffect(() => {
    if (!watch) return;
    return watch(() => {
      if (!busy.current) void refresh();
    });
  }, [watch, refresh]);

  useEffect(() => {
    const onResize = () => dispatch({ type: 'resized', size: readSize(stdout) });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  useEffect(() => {
    if (!state.quitting) return;
    if (state.interrupted && outcomeRef.current) onInterrupted?.(outcomeRef.current);
    exit();
  }, [state.quitting, state.interrupted, exit, onInterrupted]);

  const plan = useCallback(
    (operation: PlanOperation) => {
      const request = ++requests.current;
      dispatch({ type: 'loading', request, what: `reading the files and planning ${describeOperation(operation)}` });
      void (async () => {
        try {
          // The files and the database as they are now: a fix made since start-up is what gets planned.
          const p = await fresh();
          const status = await loadStatus(p);
          const planned = await p.plan(operation);
          const drift: DriftNote[] = isUp(operation) ? status.migrations.filter((m) => m.drifted).map((m) => ({ version: m.version, file: m.file })) : [];
          dispatch({ type: 'plan-loaded', request, plan: planned, drift });
        } catch (error) {
          dispatch({ type: 'request-failed', request, title: `Cannot plan ${operation.kind}`, error: toErrorInfo(error) });
        }
      })();
    },
    [fresh, loadStatus],
  );

  const run = useCallback(
    (planned: Plan, allowDrift: boolean) => {
      dispatch({ type: 'run-started', plan: planned, at: Date.now() });
      stopRequested.current = false;
      const started = performance.now();
      void (async () => {
        let outcome: RunOutcome;
        let unsubscribe = () => {};
        try {
          // Paint the progress screen before the run starts: PGlite runs in this thread.
          await paintFirst();
          const p = allowDrift && load ? await load({ allowDrift: true }) : provider.current;
          const off = p.subscribe((event) => dispatch({ type: 'provider-event', event, at: Date.now() }));
          unsubscribe = () => {
            off();
          };
          const ran = await runPlan(p, planned, { stopRequested: () => stopRequested.current, noVersioning: noVersioning.current });
          const done = ran.results.filter((r) => !r.error);
          outcome = {
            operation: planned.operation.kind,
            error: ran.error,
            ran: done.map((r) => ({ direction: r.direction, file: r.file, version: r.version })),
            currentVersion: ran.currentVersion,
            applied: done.filter((r) => r.direction === 'up').length,
            rolledBack: done.filter((r) => r.direction === 'down').length,
            notRun: ran.notRun,
            interrupted: ran.interrupted,
            durationMs: performance.now() - started,
          };
        } catch (error) {
          // The provider returns its own errors; a throw is a lost connection or a bug.
          outcome = { operation: planned.operation.kind, error: toErrorInfo(error), ran: [], currentVersion: undefined, applied: 0, rolledBack: 0, notRun: [], interrupted: false, durationMs: performance.now() - started };
        } finally {
          unsubscribe();
        }
        outcomeRef.current = outcome;
        // Refresh first, so the list behind the outcome is already current.
        await refresh();
        dispatch({ type: 'run-finished', outcome });
      })();
    },
    [load, refresh],
  );

  const perform = useCallback(
    (intent: Intent) => {
      switch (intent.type) {
        case 'dispatch':
          if (intent.action.type === 'quit') stopRequested.current = true;
          dispatch(intent.action);
          return;
        case 'statements':
          dispatch({ type: 'show-statements', sql: migrationSql(provider.current, intent.version) });
          return;
        case 'refresh':
          dispatch({ type: 'notice', notice: { text: 'reading the migration files and the database…', tone: 'muted' } });
          void refresh().then(() => dispatch({ type: 'notice', notice: { text: 're-read the migration files and the database', tone: 'ok' } }));
          return;
        case 'plan':
          plan(intent.operation);
          return;
        case 'history': {
          const request = ++requests.current;
          dispatch({ type: 'loading', request, what: 'reading the audit log' });
          provider.current.history(HISTORY_LIMIT).then(
            (rows) => dispatch({ type: 'history-loaded', request, rows }),
            (error: unknown) => dispatch({ type: 'request-failed', request, title: 'Cannot read the history', error: toErrorInfo(error) }),
          );
          return;
        }
        case 'run':
          run(intent.plan, intent.allowDrift);
          return;
      }
    },
    [plan, refresh, run],
  );

  return { state, perform };
}
