import type { Line } from '../format/lines.js';
import { sqlLines, sqlTitle } from '../format/sql-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame, scrollPosition } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface StatementsViewProps {
  screen: Extract<Screen, { kind: 'statements' }>;
  size: Size;
  /** Why the last key did nothing, if it did nothing. */
  notice?: Line | undefined;
}

/** The selected migration's Up and Down statements, split by core's parser. */
export function StatementsView({ screen, size, notice }: StatementsViewProps) {
  const lines = sqlLines(screen.sql, size.columns);
  const height = regions(size).bodyHeight;
  const offset = clampScroll(screen.scroll, lines.length, height);
  const position = [scrollPosition(offset, height, lines.length), screen.shift > 0 ? `col ${screen.shift + 1}` : undefined].filter(Boolean).join(', ');
  return (
    <ScreenFrame
      title={sqlTitle(screen.sql)}
      size={size}
      hints={hintsFor(screen)}
      position={position || undefined}
      prompt={notice && <TextLine text={notice.text} width={size.columns} tone={notice.tone} />}
    >
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} shift={screen.shift} />
    </ScreenFrame>
  );
}
