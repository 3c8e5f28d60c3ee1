import { useInput } from 'ink';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { reducer } from '../state/reducer.js';
import type { TuiState } from '../state/types.js';
import type { Intent } from './intent.js';
import { keyIntent } from './keymap.js';
import { splitKeys } from './split-keys.js';

/**
 * The app's single input handler: every key goes through keyIntent, each
 * against the state the keys before it lead to (the same pure reducer React
 * applies). The state is kept in a ref that the handler itself moves forward
 * and React overwrites at commit: keys that arrive faster than React renders
 * (a burst over ssh, tmux send-keys) never see a stale screen, so none is lost.
 */
export function useKeys(state: TuiState, perform: (intent: Intent) => void): void {
  const latest = useRef({ state, perform });
  useLayoutEffect(() => {
    latest.current = { state, perform };
  });
  const onInput = useCallback<Parameters<typeof useInput>[0]>((input, key) => {
    let current = latest.current.state;
    for (const press of splitKeys(input, key)) {
      const intent = keyIntent(current, press.input, press.key);
      if (!intent) continue;
      if (intent.type === 'dispatch') current = reducer(current, intent.action);
      // A request (a plan, the history) answers later: until then the keys
      // that follow meet the waiting screen, never the list it left, so a
      // typed-ahead `y` cannot confirm a plan nobody has seen.
      else if (intent.type === 'run') current = reducer(current, { type: 'run-started', plan: intent.plan, at: Date.now() });
      else current = reducer(current, { type: 'loading', request: -1, what: '' });
      latest.current.perform(intent);
    }
    latest.current = { ...latest.current, state: current };
  }, []);
  useInput(onInput);
}
