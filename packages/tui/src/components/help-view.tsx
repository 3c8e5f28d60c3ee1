import type { Line } from '../format/lines.js';
import { helpLines } from '../format/help-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface HelpViewProps {
  screen: Extract<Screen, { kind: 'help' }>;
  size: Size;
  /** Why the last key did nothing, if it did nothing. */
  notice?: Line | undefined;
}

export function HelpView({ screen, size, notice }: HelpViewProps) {
  const lines = helpLines();
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  return (
    <ScreenFrame title="Help" size={size} hints={hintsFor(screen)} position={scrollPosition(offset, height, lines.length)} prompt={notice && <TextLine text={notice.text} width={size.columns} tone={notice.tone} />}>
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
