import { historyLines } from '../format/history-lines.js';
import { plural } from '../format/plural.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame } from './screen-frame.js';

export interface HistoryViewProps {
  screen: Extract<Screen, { kind: 'history' }>;
  size: Size;
}

/** The audit log (provider.history), newest first. */
export function HistoryView({ screen, size }: HistoryViewProps) {
  const lines = historyLines(screen.rows);
  const height = regions(size).bodyHeight;
  return (
    <ScreenFrame title={`History: ${plural(screen.rows.length, 'audit row')}, newest first`} size={size} hints={hintsFor(screen)}>
      <LinesView lines={lines} offset={clampScroll(screen.scroll, lines.length, height)} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
