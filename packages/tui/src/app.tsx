import type { Provider } from '@gander/core';
import { useMemo } from 'react';
import { useKeys } from './keys/use-keys.js';
import { ScreenView } from './components/screen-view.js';
import { useTui, withLoadedProvider, type LoadProvider, type WatchFiles, type WithProvider } from './state/use-tui.js';
import type { LintPlan, RunOutcome } from './state/types.js';
import { ThemeContext, themeFor } from './theme.js';

/** Where the TUI gets its providers: one use of the database at a time, or a provider (and a loader) held open. */
export type ProviderSource =
  | {
      /** Lends a provider for each operation (see WithProvider); nothing is held between them. */
      withProvider: WithProvider;
      /** Where the database is, for the header until the first status. */
      target: string;
      /** withProvider honours `allowDrift` (a drifted plan can be run after typing allow-drift). */
      canAllowDrift?: boolean;
    }
  | {
      provider: Provider;
      /**
       * Makes a provider over the migration files as they are now; called before
       * every plan and on `R`. Without it the files are read once and drift
       * cannot be allowed from the TUI.
       */
      load?: LoadProvider;
    };

export type AppProps = ProviderSource & {
  /** The provider already runs over drifted files (--allow-drift). */
  driftAllowed?: boolean;
  /** Draw text only: no colours, no bold or inverse (NO_COLOR). */
  noColor?: boolean;
  /** Called before quitting when a run was stopped by the user with migrations left. */
  onInterrupted?: (outcome: RunOutcome) => void;
  /** Re-read the list when the migration files change (see runTui's `watch`). */
  watch?: WatchFiles;
  /** Lint findings for the plan screen (see runTui's `lint`). */
  lint?: LintPlan;
};

/** The one way the TUI reaches the database, whichever way it was given. */
export function useProviderSource(source: ProviderSource): { withProvider: WithProvider; target: string; canAllowDrift: boolean } {
  const provider = 'provider' in source ? source.provider : undefined;
  const load = 'provider' in source ? source.load : undefined;
  const lent = 'withProvider' in source ? source.withProvider : undefined;
  const target = 'target' in source ? source.target : (provider?.db.target ?? '');
  const canAllowDrift = 'withProvider' in source ? (source.canAllowDrift ?? true) : load !== undefined;
  const withProvider = useMemo(() => lent ?? withLoadedProvider(provider!, load), [lent, provider, load]);
  return { withProvider, target, canAllowDrift };
}

/** The whole TUI: one state hook, one key handler, one screen at a time. */
export function App(props: AppProps) {
  const { driftAllowed, noColor = false, onInterrupted, watch, lint } = props;
  const source = useProviderSource(props);
  const { state, perform } = useTui({
    ...source,
    ...(driftAllowed === undefined ? {} : { driftAllowed }),
    ...(onInterrupted ? { onInterrupted } : {}),
    ...(watch ? { watch } : {}),
    ...(lint ? { lint } : {}),
  });
  useKeys(state, perform);
  return (
    <ThemeContext.Provider value={themeFor(noColor)}>
      <ScreenView state={state} />
    </ThemeContext.Provider>
  );
}
