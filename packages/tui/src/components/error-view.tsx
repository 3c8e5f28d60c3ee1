import type { Line } from '../format/lines.js';
import { errorLines } from '../format/error-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface ErrorViewProps {
  screen: Extract<Screen, { kind: 'message' }>;
  size: Size;
  /** Why the last key did nothing, if it did nothing. */
  notice?: Line | undefined;
}

/** An error that stopped a plan or a read: core's message, the failing file:line if any, and the hint. */
export function ErrorView({ screen, size, notice }: ErrorViewProps) {
  const lines = errorLines(screen.error, size.columns);
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  return (
    <ScreenFrame title={screen.title} size={size} hints={hintsFor(screen)} position={scrollPosition(offset, height, lines.length)} prompt={notice && <TextLine text={notice.text} width={size.columns} tone={notice.tone} />}>
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
