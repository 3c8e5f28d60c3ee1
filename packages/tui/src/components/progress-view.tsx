import type { Line } from '../format/lines.js';
import { describeOperation } from '../format/plan-lines.js';
import { progressCounter, progressLines } from '../format/progress-lines.js';
import { formatDuration } from '../format/time.js';
import { hintsFor } from '../keys/hints.js';
import { regions, type Size } from '../layout/regions.js';
import { listOffset } from '../layout/viewport.js';
import type { Screen } from '../state/types.js';
import { LinesView } from './lines-view.js';
import { ScreenFrame } from './screen-frame.js';
import { TextLine } from './text-line.js';
import { useNow } from './use-now.js';

export interface ProgressViewProps {
  screen: Extract<Screen, { kind: 'running' }>;
  size: Size;
  notice: Line | undefined;
}

/** Live progress from the provider's events: each migration, its statements, elapsed time. */
export function ProgressView({ screen, size, notice }: ProgressViewProps) {
  const now = useNow(true);
  const lines = progressLines(screen.progress, now);
  const height = regions(size).bodyHeight;
  // Follow the running migration when the plan is longer than the screen.
  const running = lines.findIndex((l) => l.text.startsWith('[running'));
  const offset = listOffset(lines.length, Math.max(0, running), height);
  const title = `Running ${describeOperation(screen.plan.operation)}: ${progressCounter(screen.progress)}, ${formatDuration(now - screen.startedAt)}`;
  return (
    <ScreenFrame
      title={title}
      size={size}
      hints={hintsFor(screen)}
      prompt={<TextLine text={notice?.text ?? ''} width={size.columns} tone={notice?.tone ?? 'plain'} />}
    >
      <LinesView lines={lines} offset={offset} height={height} width={size.columns} />
    </ScreenFrame>
  );
}
