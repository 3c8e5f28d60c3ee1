import { sqlLines, sqlTitle } from '../format/sql-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame } from './screen-frame.js';

export interface StatementsViewProps {
  screen: Extract<Screen, { kind: 'statements' }>;
  size: Size;
}

/** The selected migration's Up and Down statements, split by core's parser. */
export function StatementsView({ screen, size }: StatementsViewProps) {
  const lines = sqlLines(screen.sql, size.columns);
  const height = regions(size).bodyHeight;
  return (
    <ScreenFrame title={sqlTitle(screen.sql)} size={size} hints={hintsFor(screen)}>
      <LinesView lines={lines} offset={clampScroll(screen.scroll, lines.length, height)} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
