import { useInput } from 'ink';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { reducer } from '../state/reducer.js';
import type { TuiState } from '../state/types.js';
import type { Intent } from './intent.js';
import { keyIntent } from './keymap.js';
import { splitKeys } from './split-keys.js';

/**
 * The app's single input handler: every key goes through keyIntent. The
 * handler reads the latest state through a ref updated at commit, so keys
 * arriving before Ink re-subscribes never see a stale screen; several keys in
 * one read are taken one at a time, each against the state the ones before it
 * lead to (the same pure reducer React applies).
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
      latest.current.perform(intent);
    }
  }, []);
  useInput(onInput);
}
