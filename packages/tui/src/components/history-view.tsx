import type { Line } from '../format/lines.js';
import { historyLines } from '../format/history-lines.js';
import { plural } from '../format/plural.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface HistoryViewProps {
  screen: Extract<Screen, { kind: 'history' }>;
  size: Size;
  /** Why the last key did nothing, if it did nothing. */
  notice?: Line | undefined;
}

/** The audit log (provider.history), newest first. */
export function HistoryView({ screen, size, notice }: HistoryViewProps) {
  const lines = historyLines(screen.rows);
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  return (
    <ScreenFrame title={`History: ${plural(screen.rows.length, 'audit row')}, newest first`} size={size} hints={hintsFor(screen)} position={scrollPosition(offset, height, lines.length)} prompt={notice && <TextLine text={notice.text} width={size.columns} tone={notice.tone} />}>
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
