import { line } from '../format/lines.js';
import { plural } from '../format/plural.js';
import { DEFAULT_SIZE, regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import { confirmFor } from './confirm.js';
import { applyEvent, progressFromPlan } from './progress.js';
import { filterRows, indexOfVersion } from './rows.js';
import { screenLines } from './screen-lines.js';
import type { Action, Screen, TuiState } from './types.js';

export function initialState(target: string, size: Size = DEFAULT_SIZE): TuiState {
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
        rows: action.rows,
        currentVersion: action.currentVersion,
        latestVersion: action.latestVersion,
        statusError: undefined,
      });
    case 'status-failed':
      return { ...state, statusError: action.error };
    case 'move':
      return move(state, action.by);
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
      return { ...state, screen: { kind: 'statements', sql: action.sql, scroll: 0 } };
    case 'show-help':
      return { ...state, screen: { kind: 'help', scroll: 0 } };
    case 'loading':
      return { ...state, screen: { kind: 'loading', request: action.request, what: action.what } };
    case 'plan-loaded':
      if (!isCurrentRequest(screen, action.request)) return state;
      return { ...state, screen: { kind: 'plan', plan: action.plan, confirm: confirmFor(action.plan), scroll: 0 } };
    case 'history-loaded':
      if (!isCurrentRequest(screen, action.request)) return state;
      return { ...state, screen: { kind: 'history', rows: action.rows, scroll: 0 } };
    case 'request-failed':
      if (!isCurrentRequest(screen, action.request)) return state;
      return { ...state, screen: { kind: 'message', title: action.title, error: action.error, scroll: 0 } };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'scroll':
      return scroll(state, action.by);
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
      if (screen.kind === 'plan' && screen.plan.steps.length > 0) {
        return { ...toList(state), notice: line(`${screen.plan.operation.kind} cancelled: nothing ran`, 'muted') };
      }
      return toList(state);
    case 'run-started':
      return { ...state, notice: undefined, screen: { kind: 'running', plan: action.plan, progress: progressFromPlan(action.plan), startedAt: action.at } };
    case 'provider-event':
      if (screen.kind !== 'running') return state;
      return { ...state, screen: { ...screen, progress: applyEvent(screen.progress, action.event, action.at) } };
    case 'run-finished': {
      if (screen.kind !== 'running') return state;
      const { outcome } = action;
      const notice = outcome.error
        ? line(`${screen.plan.operation.kind} stopped: ${outcome.error.message.split('\n')[0] ?? ''}`, 'bad')
        : line(`${screen.plan.operation.kind}: ${plural(outcome.completed, 'migration')} ran; the database is at version ${outcome.currentVersion ?? '?'}`, 'ok');
      return {
        ...state,
        notice,
        quitting: state.quitAfterRun,
        screen: { kind: 'result', plan: screen.plan, progress: screen.progress, outcome, scroll: 0 },
      };
    }
    case 'quit':
      if (screen.kind === 'running') {
        return { ...state, quitAfterRun: true, notice: line('quitting when the running migration is done', 'warn') };
      }
      return { ...state, quitting: true };
  }
}

/** The migration under the cursor, if the list has any. */
export function selectedRow(state: TuiState) {
  const rows = visibleRows(state);
  return rows[indexOfVersion(rows, state.selectedVersion)];
}
