import type { TuiState } from '../state/types.js';
import { ErrorView } from './error-view.js';
import { HelpView } from './help-view.js';
import { HistoryView } from './history-view.js';
import { LoadingView } from './loading-view.js';
import { MainScreen } from './main-screen.js';
import { PlanView } from './plan-view.js';
import { ProgressView } from './progress-view.js';
import { ResultView } from './result-view.js';
import { StatementsView } from './statements-view.js';

/** The component for the current screen. */
export function ScreenView({ state }: { state: TuiState }) {
  const { screen, size } = state;
  switch (screen.kind) {
    case 'list':
    case 'filter':
      return <MainScreen state={state} />;
    case 'loading':
      return <LoadingView screen={screen} size={size} />;
    case 'statements':
      return <StatementsView screen={screen} size={size} notice={state.notice} />;
    case 'plan':
      return <PlanView screen={screen} size={size} driftAllowed={state.driftAllowed} />;
    case 'running':
      return <ProgressView screen={screen} size={size} notice={state.notice} />;
    case 'result':
      return <ResultView screen={screen} size={size} quitNext={state.quitAfterRun} />;
    case 'history':
      return <HistoryView screen={screen} size={size} notice={state.notice} />;
    case 'help':
      return <HelpView screen={screen} size={size} notice={state.notice} />;
    case 'message':
      return <ErrorView screen={screen} size={size} notice={state.notice} />;
  }
}
