import { hintsFor } from '../keys/hints.js';
import type { Size } from '../layout/regions.js';
import type { Screen } from '../state/types.js';
import { ScreenFrame } from './screen-frame.js';
import { TextLine } from './text-line.js';

export interface LoadingViewProps {
  screen: Extract<Screen, { kind: 'loading' }>;
  size: Size;
}

export function LoadingView({ screen, size }: LoadingViewProps) {
  return (
    <ScreenFrame title="Working" size={size} hints={hintsFor(screen)}>
      <TextLine text={`${screen.what}…`} width={size.columns} tone="muted" />
    </ScreenFrame>
  );
}
