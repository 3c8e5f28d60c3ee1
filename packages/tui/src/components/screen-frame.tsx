import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { Hints } from '../keys/hints.js';
import { fit, textWidth } from '../format/text.js';
import { regions, type Size } from '../layout/regions.js';
import { StatusBar } from './status-bar.js';
import { TextLine } from './text-line.js';

export interface ScreenFrameProps {
  title: string;
  size: Size;
  hints: Hints;
  /** Where the body is scrolled to (`lines 1-20 of 45`); kept whole at the title's right end. */
  position?: string | undefined;
  /** The line above the hints: a question, or what happens on the next key. */
  prompt?: ReactNode;
  children: ReactNode;
}

/** `lines 21-40 of 95`, or nothing when everything fits. */
export function scrollPosition(offset: number, height: number, count: number, what = 'lines'): string | undefined {
  if (count <= height) return undefined;
  return `${what} ${offset + 1}-${Math.min(count, offset + height)} of ${count}`;
}

/** Title, a body of fixed height, a prompt line and the key hints: every screen but the list. */
export function ScreenFrame({ title, size, hints, position, prompt, children }: ScreenFrameProps) {
  const { total, bodyHeight } = regions(size);
  // The position is cut last: a long title gives up its end first.
  const head = position === undefined ? title : `${fit(title, Math.max(0, size.columns - textWidth(position) - 1))} ${position}`;
  return (
    <Box flexDirection="column" width={size.columns} height={total}>
      <TextLine text={head} width={size.columns} tone="title" />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {children}
      </Box>
      {prompt ?? <TextLine text="" width={size.columns} />}
      <StatusBar hints={hints} width={size.columns} />
    </Box>
  );
}
