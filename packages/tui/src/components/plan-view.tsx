import { planLines, planTitle } from '../format/plan-lines.js';
import { plural } from '../format/plural.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { ConfirmPrompt } from './confirm-prompt.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';
import { TypedConfirmPrompt } from './typed-confirm-prompt.js';

export interface PlanViewProps {
  screen: Extract<Screen, { kind: 'plan' }>;
  size: Size;
  driftAllowed: boolean;
}

/** core's plan for the key pressed, step by step with every statement, and the question. */
export function PlanView({ screen, size, driftAllowed }: PlanViewProps) {
  const { plan, confirm } = screen;
  const lines = planLines(plan, screen.drift, screen.lint);
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  const width = size.columns;
  let prompt;
  if (plan.steps.length === 0) {
    prompt = <TextLine text="Nothing to do. Press any key." width={width} tone="ok" />;
  } else if (confirm.kind === 'typed') {
    prompt = <TypedConfirmPrompt confirm={confirm} steps={plan.steps.length} width={width} />;
  } else if (screen.drift.length > 0 && !driftAllowed) {
    // No way to allow drift from here (no loader): say what will happen.
    prompt = <ConfirmPrompt question={`Drift: the run will be refused (E_DRIFT); restart with --allow-drift. Run anyway?`} width={width} />;
  } else {
    prompt = <ConfirmPrompt question={`Run ${plural(plan.steps.length, 'migration')} (${plan.operation.kind})?`} width={width} />;
  }
  return (
    <ScreenFrame title={planTitle(plan)} size={size} hints={hintsFor(screen)} position={scrollPosition(offset, height, lines.length)} prompt={prompt}>
      <LinesView lines={lines} offset={offset} height={height} width={width} />
    </ScreenFrame>
  );
}
