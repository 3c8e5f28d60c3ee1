import { helpLines } from '../format/help-lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { clampScroll } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame } from './screen-frame.js';

export interface HelpViewProps {
  screen: Extract<Screen, { kind: 'help' }>;
  size: Size;
}

export function HelpView({ screen, size }: HelpViewProps) {
  const lines = helpLines();
  const height = regions(size).bodyHeight;
  return (
    <ScreenFrame title="Help" size={size} hints={hintsFor(screen)}>
      <LinesView lines={lines} offset={clampScroll(screen.scroll, lines.length, height)} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
