import type { Provider } from '@gander/core';
import { useKeys } from './keys/use-keys.js';
import { ScreenView } from './components/screen-view.js';
import { useTui } from './state/use-tui.js';
import { ThemeContext, themeFor } from './theme.js';

export interface AppProps {
  provider: Provider;
  /** Draw text only: no colours, no bold or inverse (NO_COLOR). */
  noColor?: boolean;
}

/** The whole TUI: one state hook, one key handler, one screen at a time. */
export function App({ provider, noColor = false }: AppProps) {
  const { state, perform } = useTui(provider);
  useKeys(state, perform);
  return (
    <ThemeContext.Provider value={themeFor(noColor)}>
      <ScreenView state={state} />
    </ThemeContext.Provider>
  );
}
