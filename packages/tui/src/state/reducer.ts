import { line } from '../format/lines.js';
import { plural } from '../format/plural.js';
import { ranWords } from '../format/ran-words.js';
import { DEFAULT_SIZE, regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import { confirmFor } from './confirm.js';
import { applyEvent, progressFromPlan } from './progress.js';
import { filterRows, indexOfVersion } from './rows.js';
import { screenLines } from './screen-lines.js';
import type { Action, Screen, TuiState } from './types.js';

export interface StateOptions {
  /** The provider already runs over drifted files (--allow-drift). */
  driftAllowed?: boolean;
  /** A provider with drift allowed can be loaded for one run. */
  canAllowDrift?: boolean;
}

/** Errors of a plan that mean there is nothing to do (down at version 0, up with nothing pending). */
const NOTHING_TO_DO = new Set(['E_NO_CURRENT_VERSION', 'E_NO_NEXT_VERSION']);

export function initialState(target: string, size: Size = DEFAULT_SIZE, options: StateOptions = {}): TuiState {
  return {
    size,
    target,
    rows: undefined,
    currentVersion: undefined,
    latestVersion: undefined,
    statusError: undefined,
    filter: '',
    selectedVersion: undefined,
    screen: { kind: 'list' },
    notice: undefined,
    quitAfterRun: false,
    interrupted: false,
    driftAllowed: options.driftAllowed ?? false,
    canAllowDrift: options.canAllowDrift ?? false,
    quitting: false,
  };
}

/** The rows the list shows: every migration, through the filter. */
export function visibleRows(state: TuiState) {
  return filterRows(state.rows ?? [], state.filter);
}

function move(state: TuiState, by: number): TuiState {
  const rows = visibleRows(state);
  if (rows.length === 0) return state;
  const from = indexOfVersion(rows, state.selectedVersion);
  const to = Math.min(Math.max(0, from + by), rows.length - 1);
  return { ...state, selectedVersion: rows[to]!.version };
}

/** After the rows or the filter change, select a row that is still shown. */
function keepSelectionVisible(state: TuiState): TuiState {
  const rows = visibleRows(state);
  const index = indexOfVersion(rows, state.selectedVersion);
  return { ...state, selectedVersion: rows[index]?.version };
}

function scroll(state: TuiState, by: number): TuiState {
  const screen = state.screen;
  if (!('scroll' in screen)) return state;
  const count = screenLines(screen, state.size.columns).length;
  const next = clampScroll(screen.scroll + by, count, regions(state.size).bodyHeight);
  return { ...state, screen: { ...screen, scroll: next } };
}

/** Scroll a wide screen (statements) sideways; long SQL lines are otherwise cut. */
function shift(state: TuiState, by: number): TuiState {
  const screen = state.screen;
  if (screen.kind !== 'statements') return state;
  const widest = Math.max(0, ...screenLines(screen, state.size.columns).map((l) => [...l.text].length));
  const next = Math.min(Math.max(0, screen.shift + by), Math.max(0, widest - state.size.columns));
  return { ...state, screen: { ...screen, shift: next } };
}

function toList(state: TuiState): TuiState {
  return { ...state, screen: { kind: 'list' } };
}

/** Results of a request the user walked away from (esc while loading) are dropped. */
function isCurrentRequest(screen: Screen, request: number): boolean {
  return screen.kind === 'loading' && screen.request === request;
}

export function reducer(state: TuiState, action: Action): TuiState {
  const screen = state.screen;
  switch (action.type) {
    case 'resized':
      return { ...state, size: action.size };
    case 'status-loaded':
      return keepSelectionVisible({
        ...state,
        target: action.target ?? state.target,
        notice: action.notice ?? state.notice,
        rows: action.rows,
        currentVersion: action.currentVersion,
        latestVersion: action.latestVersion,
        statusError: undefined,
      });
    case 'status-failed':
      return { ...state, statusError: action.error };
    case 'move':
      return move({ ...state, notice: undefined }, action.by);
    case 'filter-open':
      return { ...state, screen: { kind: 'filter' } };
    case 'filter-type':
      return keepSelectionVisible({ ...state, filter: state.filter + action.text });
    case 'filter-erase':
      return keepSelectionVisible({ ...state, filter: [...state.filter].slice(0, -1).join('') });
    case 'filter-keep':
      return toList(state);
    case 'filter-clear':
      return toList(keepSelectionVisible({ ...state, filter: '' }));
    case 'show-statements':
      return { ...state, notice: undefined, screen: { kind: 'statements', sql: action.sql, scroll: 0, shift: 0 } };
    case 'show-help':
      return { ...state, notice: undefined, screen: { kind: 'help', scroll: 0 } };
    case 'loading':
      // A new request makes the last notice stale.
      return { ...state, notice: undefined, screen: { kind: 'loading', request: action.request, what: action.what } };
    case 'plan-loaded':
      if (!isCurrentRequest(screen, action.request)) return state;
      // Nothing to do is said the same way for every key, on the list.
      if (action.plan.steps.length === 0) {
        return { ...toList(state), notice: line(`${action.plan.operation.kind}: nothing to do (the database is at version ${action.plan.currentVersion})`, 'ok') };
      }
      return {
        ...state,
        screen: { kind: 'plan', plan: action.plan, drift: action.drift, lint: action.lint, confirm: confirmFor(action.plan, action.drift, state.driftAllowed || !state.canAllowDrift), scroll: 0 },
      };
    case 'history-loaded':
      if (!isCurrentRequest(screen, action.request)) return state;
      return { ...state, screen: { kind: 'history', rows: action.rows, scroll: 0 } };
    case 'request-failed':
      if (!isCurrentRequest(screen, action.request)) return state;
      if (NOTHING_TO_DO.has(action.error.code)) {
        return { ...toList(state), notice: line(`nothing to do: ${action.error.message.split('\n')[0] ?? ''}`, 'ok') };
      }
      return { ...state, screen: { kind: 'message', title: action.title, error: action.error, scroll: 0 } };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'scroll':
      return scroll(state, action.by);
    case 'shift':
      return shift(state, action.by);
    case 'typed-key':
      if (screen.kind !== 'plan' || screen.confirm.kind !== 'typed') return state;
      return { ...state, screen: { ...screen, confirm: { ...screen.confirm, typed: screen.confirm.typed + action.text, mismatch: undefined } } };
    case 'typed-erase':
      if (screen.kind !== 'plan' || screen.confirm.kind !== 'typed') return state;
      return { ...state, screen: { ...screen, confirm: { ...screen.confirm, typed: [...screen.confirm.typed].slice(0, -1).join('') } } };
    case 'typed-mismatch':
      if (screen.kind !== 'plan' || screen.confirm.kind !== 'typed') return state;
      return {
        ...state,
        screen: { ...screen, confirm: { ...screen.confirm, typed: '', mismatch: screen.confirm.typed === '' ? '(nothing)' : screen.confirm.typed } },
      };
    case 'back':
      // Never leave a running migration's screen: its outcome must be seen.
      if (screen.kind === 'running') return state;
      // q during the run: the outcome was shown, now quit.
      if (screen.kind === 'result' && state.quitAfterRun) return { ...state, quitting: true };
      if (screen.kind === 'plan' && screen.plan.steps.length > 0) {
        return { ...toList(state), notice: line(`${screen.plan.operation.kind} cancelled: nothing ran`, 'muted') };
      }
      // The outcome of a run stays under the list; any other notice is stale once the screen is left.
      return screen.kind === 'result' ? toList(state) : { ...toList(state), notice: undefined };
    case 'run-started':
      return {
        ...state,
        notice: undefined,
        quitAfterRun: false,
        screen: { kind: 'running', plan: action.plan, progress: progressFromPlan(action.plan), startedAt: action.at },
      };
    case 'provider-event':
      if (screen.kind !== 'running') return state;
      return { ...state, screen: { ...screen, progress: applyEvent(screen.progress, action.event, action.at) } };
    case 'run-finished': {
      if (screen.kind !== 'running') return state;
      const { outcome } = action;
      const kind = screen.plan.operation.kind;
      const at = `the database is at version ${outcome.currentVersion ?? '?'}`;
      const notice = outcome.error
        ? line(`${kind} stopped: ${outcome.error.message.split('\n')[0] ?? ''}`, 'bad')
        : outcome.interrupted
          ? line(`${kind} stopped by you: ${ranWords(outcome)}, ${plural(outcome.notRun.length, 'migration')} not run; ${at}`, 'warn')
          : line(`${kind}: ${ranWords(outcome)}; ${at}`, 'ok');
      // After q the outcome is still shown; the next key quits.
      return {
        ...state,
        notice,
        interrupted: state.interrupted || outcome.interrupted,
        screen: { kind: 'result', plan: screen.plan, progress: screen.progress, outcome, scroll: 0 },
      };
    }
    case 'quit':
      if (screen.kind === 'running') {
        return { ...state, quitAfterRun: true, notice: line('stopping after the running migration; the rest will not run', 'warn') };
      }
      return { ...state, quitting: true };
  }
}

/** The migration under the cursor, if the list has any. */
export function selectedRow(state: TuiState) {
  const rows = visibleRows(state);
  return rows[indexOfVersion(rows, state.selectedVersion)];
}
