import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import { outcomeLines } from '../state/screen-lines.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface ResultViewProps {
  screen: Extract<Screen, { kind: 'result' }>;
  size: Size;
  /** q was pressed during the run: the next key quits. */
  quitNext: boolean;
}

/** How the run ended: every migration's outcome, then the error (file:line, excerpt, hint) if it stopped. */
export function ResultView({ screen, size, quitNext }: ResultViewProps) {
  const lines = outcomeLines(screen.progress, screen.outcome, size.columns);
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  const failed = screen.outcome.error !== undefined;
  const title = `${failed ? 'Failed' : screen.outcome.interrupted ? 'Stopped' : 'Finished'}: ${screen.plan.operation.kind}`;
  const next = quitNext ? 'Press any key to quit.' : 'Press any key to return to the list (the status is refreshed).';
  return (
    <ScreenFrame
      title={title}
      size={size}
      hints={hintsFor(screen)} position={scrollPosition(offset, height, lines.length)}
      prompt={<TextLine text={next} width={size.columns} tone={failed ? 'bad' : 'ok'} />}
    >
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
