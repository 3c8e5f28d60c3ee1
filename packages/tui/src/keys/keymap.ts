import type { Key } from 'ink';
import { regions } from '../layout/regions.js';
import { typedMatches } from '../state/confirm.js';
import { selectedRow } from '../state/reducer.js';
import type { Screen, TuiState } from '../state/types.js';
import { dispatch, type Intent } from './intent.js';

/** Ink's key flags; tests pass only the ones they press. */
export type KeyPress = Partial<Key>;

const FAR = 1_000_000_000;

/** Printable text (a key or a paste), not a control sequence. */
function isText(input: string, key: KeyPress): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && [...input].every((c) => c >= ' ' && c !== '\u007f');
}

function isErase(key: KeyPress): boolean {
  // Terminals send DEL (0x7f) for the backspace key, which Ink reports as `delete`.
  return Boolean(key.backspace || key.delete);
}

/** Arrows, j/k, PgUp/PgDn, g/G: shared by every screen that scrolls. */
function scrollBy(input: string, key: KeyPress, page: number, letters: boolean): number | undefined {
  if (key.upArrow || (letters && input === 'k')) return -1;
  if (key.downArrow || (letters && input === 'j')) return 1;
  if (key.pageUp) return -page;
  if (key.pageDown) return page;
  if (key.home || (letters && input === 'g')) return -FAR;
  if (key.end || (letters && input === 'G')) return FAR;
  return undefined;
}

function listKeys(state: TuiState, input: string, key: KeyPress): Intent | undefined {
  const step = scrollBy(input, key, regions(state.size).listHeight, true);
  if (step !== undefined) return dispatch({ type: 'move', by: step });
  const selected = selectedRow(state);
  const needsSelection = (make: (version: bigint) => Intent): Intent =>
    selected ? make(selected.version) : dispatch({ type: 'notice', notice: { text: 'no migration selected', tone: 'warn' } });
  if (key.return) return needsSelection((version) => ({ type: 'statements', version }));
  if (key.escape) return state.filter === '' ? undefined : dispatch({ type: 'filter-clear' });
  switch (input) {
    case 'u':
      return { type: 'plan', operation: { kind: 'up' } };
    case 'U':
      return needsSelection((version) => ({ type: 'plan', operation: { kind: 'up-to', version } }));
    case 'd':
      return { type: 'plan', operation: { kind: 'down' } };
    case 'D':
      return needsSelection((version) => ({ type: 'plan', operation: { kind: 'down-to', version } }));
    case 'r':
      return { type: 'plan', operation: { kind: 'redo' } };
    case 'R':
      return { type: 'refresh' };
    case '/':
      return dispatch({ type: 'filter-open' });
    case 'h':
      return { type: 'history' };
    case '?':
      return dispatch({ type: 'show-help' });
    case 'q':
      return dispatch({ type: 'quit' });
    default:
      return undefined;
  }
}

function filterKeys(input: string, key: KeyPress): Intent | undefined {
  if (key.return) return dispatch({ type: 'filter-keep' });
  if (key.escape) return dispatch({ type: 'filter-clear' });
  if (isErase(key)) return dispatch({ type: 'filter-erase' });
  if (isText(input, key)) return dispatch({ type: 'filter-type', text: input });
  return undefined;
}

function planKeys(state: TuiState, screen: Extract<Screen, { kind: 'plan' }>, input: string, key: KeyPress): Intent | undefined {
  if (screen.plan.steps.length === 0) return dispatch({ type: 'back' });
  const typed = screen.confirm.kind === 'typed';
  // While typing a version, letters are not scroll keys; digits are the answer.
  const step = scrollBy(input, key, regions(state.size).bodyHeight, !typed);
  if (step !== undefined) return dispatch({ type: 'scroll', by: step });
  if (key.escape) return dispatch({ type: 'back' });
  if (screen.confirm.kind === 'typed') {
    const drift = screen.confirm.reason === 'drift';
    if (key.return) return typedMatches(screen.confirm) ? { type: 'run', plan: screen.plan, allowDrift: drift } : dispatch({ type: 'typed-mismatch' });
    if (isErase(key)) return dispatch({ type: 'typed-erase' });
    // A version is digits; allow-drift is a word, so every letter is text there.
    if (drift ? isText(input, key) : /^[0-9]+$/.test(input)) return dispatch({ type: 'typed-key', text: input });
    return input === 'q' ? dispatch({ type: 'back' }) : undefined;
  }
  if (input === 'y' || input === 'Y') return { type: 'run', plan: screen.plan, allowDrift: false };
  // The default answer is no: enter, n, q all cancel.
  if (key.return || input === 'n' || input === 'N' || input === 'q') return dispatch({ type: 'back' });
  return undefined;
}

/** Statements, history, help, an error message: scroll, or go back. */
function readingKeys(state: TuiState, input: string, key: KeyPress): Intent | undefined {
  const step = scrollBy(input, key, regions(state.size).bodyHeight, true);
  if (step !== undefined) return dispatch({ type: 'scroll', by: step });
  // Long SQL lines scroll sideways rather than being cut for good.
  if (key.leftArrow) return dispatch({ type: 'shift', by: -8 });
  if (key.rightArrow) return dispatch({ type: 'shift', by: 8 });
  if (key.escape || isErase(key) || ['q', 'h', '?'].includes(input)) return dispatch({ type: 'back' });
  if (key.return) return dispatch({ type: 'notice', notice: { text: 'esc or q goes back to the list', tone: 'muted' } });
  return undefined;
}

/**
 * Every key of the app, per screen, in one place. Pure: the state and the key
 * in, an intent out (or nothing).
 */
export function keyIntent(state: TuiState, input: string, key: KeyPress): Intent | undefined {
  if (key.ctrl && input === 'c') return dispatch({ type: 'quit' });
  const screen = state.screen;
  switch (screen.kind) {
    case 'list':
      return listKeys(state, input, key);
    case 'filter':
      return filterKeys(input, key);
    case 'loading':
      return key.escape || input === 'q' ? dispatch({ type: 'back' }) : undefined;
    case 'plan':
      return planKeys(state, screen, input, key);
    case 'running':
      return input === 'q' ? dispatch({ type: 'quit' }) : undefined;
    case 'result': {
      // Scroll through a long outcome; any other key returns to the (refreshed) list.
      const step = scrollBy(input, key, regions(state.size).bodyHeight, true);
      return step === undefined ? dispatch({ type: 'back' }) : dispatch({ type: 'scroll', by: step });
    }
    case 'statements':
    case 'history':
    case 'help':
    case 'message':
      return readingKeys(state, input, key);
  }
}
