import { errorLines } from '../format/error-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame } from './screen-frame.js';

export interface ErrorViewProps {
  screen: Extract<Screen, { kind: 'message' }>;
  size: Size;
}

/** An error that stopped a plan or a read: core's message, the failing file:line if any, and the hint. */
export function ErrorView({ screen, size }: ErrorViewProps) {
  const lines = errorLines(screen.error, size.columns);
  const height = regions(size).bodyHeight;
  return (
    <ScreenFrame title={screen.title} size={size} hints={hintsFor(screen)}>
      <LinesView lines={lines} offset={clampScroll(screen.scroll, lines.length, height)} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
