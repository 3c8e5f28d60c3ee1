import type { Plan, PlanOperation, Provider } from '@gander/core';
import { useApp, useStdout } from 'ink';
import { performance } from 'node:perf_hooks';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { toErrorInfo, type ErrorInfo } from '../format/error-info.js';
import type { Line } from '../format/lines.js';
import { describeOperation } from '../format/plan-lines.js';
import type { Intent } from '../keys/intent.js';
import { readSize } from '../layout/read-size.js';
import { lastFailures } from './last-failures.js';
import { migrationSql } from './migration-sql.js';
import { initialState, reducer } from './reducer.js';
import { runPlan } from './run-plan.js';
import { rowsFromStatus } from './rows.js';
import type { DriftNote, LintPlan, PlanLintView, RunOutcome, TuiState } from './types.js';

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

/** What the TUI asks of each use of the database. */
export interface UseOptions {
  /** Drift allowed for this use (one run, after the user typed allow-drift). */
  allowDrift: boolean;
  /** Another process holds the embedded database and this use waits for it: who. */
  onWait?: (holder: string) => void;
}

/**
 * Lends a provider for one operation: opens the database (for the embedded
 * one: takes its lock), makes a provider over the files as they are now, runs
 * `work`, and closes what it opened. The TUI calls it for every status, plan,
 * run and history, and holds nothing in between, so a CLI in another terminal
 * can use the embedded database while the TUI sits idle.
 */
export type WithProvider = <T>(options: UseOptions, work: (provider: Provider) => Promise<T>) => Promise<T>;

/** The old way in (`provider`, `load`): every use gets `load`'s provider, or the one provider; nothing is closed. */
export function withLoadedProvider(provider: Provider, load: LoadProvider | undefined): WithProvider {
  return async (options, work) => work(load ? await load({ allowDrift: options.allowDrift }) : provider);
}

export interface TuiOptions {
  /** Every use of the database goes through it (see WithProvider). */
  withProvider: WithProvider;
  /** Where the database is, for the header, until the first status says it. */
  target: string;
  /** A fresh provider can be had with drift allowed, for one run. */
  canAllowDrift: boolean;
  /** The provider already allows drift (--allow-drift). */
  driftAllowed?: boolean;
  /** Told when a run was stopped by the user with migrations left: the caller exits non-zero. */
  onInterrupted?: (outcome: RunOutcome) => void;
  /** Calls back when the migration files change; returns the unsubscribe function. */
  watch?: WatchFiles;
  /** Lint findings for a plan's files (gander lint's own call); absent: the plan shows none. */
  lint?: LintPlan;
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

/** The confirmed plan is still what would run: same steps, same files (checksums), same order. */
function samePlan(confirmed: Plan, now: Plan): boolean {
  if (confirmed.currentVersion !== now.currentVersion || confirmed.steps.length !== now.steps.length) return false;
  return confirmed.steps.every((step, i) => {
    const other = now.steps[i]!;
    return step.version === other.version && step.direction === other.direction && step.checksum === other.checksum;
  });
}

const PLAN_CHANGED: ErrorInfo = {
  code: 'E_PLAN_CHANGED',
  message: 'the migration files or the database changed since this plan was shown: nothing was run',
  hint: 'look at the refreshed list and plan again',
  failure: undefined,
};

/**
 * All of the app's state, and the only place that talks to the provider:
 * status on start, before every plan and after every run, plans, runs,
 * history, and the provider's progress events. Every one of them is a use of
 * the database (withProvider): nothing stays open while the TUI waits for keys.
 */
export function useTui({ withProvider, target, canAllowDrift, driftAllowed = false, onInterrupted, watch, lint }: TuiOptions): Tui {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(target, readSize(stdout), { driftAllowed, canAllowDrift }));
  // Tags each plan/history request so an answer the user walked away from is dropped.
  const requests = useRef(0);
  // The provider of the last use: its files, for the statements view (parsing only, no database).
  const lastProvider = useRef<Provider | undefined>(undefined);
  const noVersioning = useRef(false);
  // Set by q / Ctrl-C while a run is in progress; read between migrations.
  const stopRequested = useRef(false);
  const outcomeRef = useRef<RunOutcome | undefined>(undefined);

  /** One use of the database; a wait for another process's lock is said on screen. */
  const use = useCallback(
    <T,>(allowDrift: boolean, work: (p: Provider) => Promise<T>): Promise<T> => {
      let waited = false;
      return withProvider(
        {
          allowDrift,
          onWait: (holder) => {
            waited = true;
            dispatch({ type: 'notice', notice: { text: `waiting for the embedded database, in use by ${holder}`, tone: 'warn' } });
          },
        },
        async (p) => {
          // The wait is over: the notice must not outlive it.
          if (waited) dispatch({ type: 'notice', notice: { text: 'the embedded database is free again', tone: 'muted' } });
          lastProvider.current = p;
          return work(p);
        },
      );
    },
    [withProvider],
  );

  /** Read the status into the list; `notice` (if any) is shown with it, not when the database is closed after. */
  const loadStatus = useCallback(async (p: Provider, notice?: Line) => {
    const [status, history] = [await p.status(), await p.history(HISTORY_LIMIT)];
    noVersioning.current = status.noVersioning;
    dispatch({
      type: 'status-loaded',
      ...(notice ? { notice } : {}),
      target: p.db.target,
      rows: rowsFromStatus(status, p.sources, { noTx: noTxVersions(p), failures: lastFailures(history) }),
      currentVersion: status.currentVersion,
      latestVersion: status.latestVersion,
    });
    return status;
  }, []);

  const refresh = useCallback(async (notice?: Line) => {
    try {
      await use(false, (p) => loadStatus(p, notice));
    } catch (error) {
      const info = toErrorInfo(error);
      dispatch({ type: 'status-failed', error: info });
      // The list keeps its last rows: say why they were not re-read (a lock not had, a bad file…).
      if (notice) dispatch({ type: 'notice', notice: { text: `could not re-read: ${info.message}`, tone: 'bad' } });
    }
  }, [use, loadStatus]);

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
          const { planned, drift } = await use(false, async (p) => {
            const status = await loadStatus(p);
            const planned = await p.plan(operation);
            const drift: DriftNote[] = isUp(operation) ? status.migrations.filter((m) => m.drifted).map((m) => ({ version: m.version, file: m.file })) : [];
            return { planned, drift };
          });
          // Files only, after the database is let go: the linter (WASM) loads on the first plan.
          const findings = lint && planned.steps.length > 0 ? await lintOrSay(lint, planned) : undefined;
          dispatch({ type: 'plan-loaded', request, plan: planned, drift, lint: findings });
        } catch (error) {
          dispatch({ type: 'request-failed', request, title: `Cannot plan ${operation.kind}`, error: toErrorInfo(error) });
        }
      })();
    },
    [use, loadStatus, lint],
  );

  const run = useCallback(
    (planned: Plan, allowDrift: boolean) => {
      dispatch({ type: 'run-started', plan: planned, at: Date.now() });
      stopRequested.current = false;
      const started = performance.now();
      void (async () => {
        let outcome: RunOutcome;
        const failed = (error: ErrorInfo): RunOutcome => ({
          operation: planned.operation.kind,
          error,
          ran: [],
          currentVersion: undefined,
          applied: 0,
          rolledBack: 0,
          notRun: planned.steps,
          interrupted: false,
          durationMs: performance.now() - started,
        });
        try {
          // Paint the progress screen before the run starts (the run may share this thread with the database).
          await paintFirst();
          outcome = await use(allowDrift, async (p) => {
            // The lock was let go while the plan was on screen: what runs must still be what was confirmed.
            if (!samePlan(planned, await p.plan(planned.operation))) {
              await loadStatus(p);
              // Nothing of this plan ran; what the other session did shows in the refreshed list.
              return { ...failed(PLAN_CHANGED), notRun: [] };
            }
            const off = p.subscribe((event) => dispatch({ type: 'provider-event', event, at: Date.now() }));
            let ran;
            try {
              ran = await runPlan(p, planned, { stopRequested: () => stopRequested.current, noVersioning: noVersioning.current });
            } finally {
              off();
            }
            const done = ran.results.filter((r) => !r.error);
            const result: RunOutcome = {
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
            // Refresh in the same use, so the list behind the outcome is already current.
            await loadStatus(p).catch((error: unknown) => dispatch({ type: 'status-failed', error: toErrorInfo(error) }));
            return result;
          });
        } catch (error) {
          // The provider returns its own errors; a throw is a lost connection, a lock not had, or a bug.
          outcome = { ...failed(toErrorInfo(error)), notRun: [] };
          await refresh();
        }
        outcomeRef.current = outcome;
        dispatch({ type: 'run-finished', outcome });
      })();
    },
    [use, loadStatus, refresh],
  );

  const perform = useCallback(
    (intent: Intent) => {
      switch (intent.type) {
        case 'dispatch':
          if (intent.action.type === 'quit') stopRequested.current = true;
          dispatch(intent.action);
          return;
        case 'statements': {
          const p = lastProvider.current;
          if (p) dispatch({ type: 'show-statements', sql: migrationSql(p, intent.version) });
          return;
        }
        case 'refresh':
          dispatch({ type: 'notice', notice: { text: 'reading the migration files and the database…', tone: 'muted' } });
          void refresh({ text: 're-read the migration files and the database', tone: 'ok' });
          return;
        case 'plan':
          plan(intent.operation);
          return;
        case 'history': {
          const request = ++requests.current;
          dispatch({ type: 'loading', request, what: 'reading the audit log' });
          use(false, (p) => p.history(HISTORY_LIMIT)).then(
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
    [plan, refresh, run, use],
  );

  return { state, perform };
}

/** The linter's findings, or one line saying why there are none: a linter that cannot load must not hide the plan. */
async function lintOrSay(lint: LintPlan, planned: Plan): Promise<PlanLintView> {
  try {
    return { report: await lint(planned), error: undefined };
  } catch (error) {
    return { report: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}
