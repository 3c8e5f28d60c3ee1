import type { Provider } from '@gander/core';
import { useKeys } from './keys/use-keys.js';
import { ScreenView } from './components/screen-view.js';
import { useTui, type LoadProvider, type WatchFiles } from './state/use-tui.js';
import type { RunOutcome } from './state/types.js';
import { ThemeContext, themeFor } from './theme.js';

export interface AppProps {
  provider: Provider;
  /**
   * Makes a provider over the migration files as they are now; called before
   * every plan and on `R`. Without it the files are read once and drift
   * cannot be allowed from the TUI.
   */
  load?: LoadProvider;
  /** The provider already runs over drifted files (--allow-drift). */
  driftAllowed?: boolean;
  /** Draw text only: no colours, no bold or inverse (NO_COLOR). */
  noColor?: boolean;
  /** Called before quitting when a run was stopped by the user with migrations left. */
  onInterrupted?: (outcome: RunOutcome) => void;
  /** Re-read the list when the migration files change (see runTui's `watch`). */
  watch?: WatchFiles;
}

/** The whole TUI: one state hook, one key handler, one screen at a time. */
export function App({ provider, load, driftAllowed, noColor = false, onInterrupted, watch }: AppProps) {
  const { state, perform } = useTui({
    provider,
    ...(load ? { load } : {}),
    ...(driftAllowed === undefined ? {} : { driftAllowed }),
    ...(onInterrupted ? { onInterrupted } : {}),
    ...(watch ? { watch } : {}),
  });
  useKeys(state, perform);
  return (
    <ThemeContext.Provider value={themeFor(noColor)}>
      <ScreenView state={state} />
    </ThemeContext.Provider>
  );
}
