import { Box } from 'ink';
import type { ReactNode } from 'react';
import { regions, type Size } from '../layout/regions.js';
import { StatusBar } from './status-bar.js';
import { TextLine } from './text-line.js';

export interface ScreenFrameProps {
  title: string;
  size: Size;
  hints: string;
  /** The line above the hints: a question, or what happens on the next key. */
  prompt?: ReactNode;
  children: ReactNode;
}

/** Title, a body of fixed height, a prompt line and the key hints: every screen but the list. */
export function ScreenFrame({ title, size, hints, prompt, children }: ScreenFrameProps) {
  const { total, bodyHeight } = regions(size);
  return (
    <Box flexDirection="column" width={size.columns} height={total}>
      <TextLine text={title} width={size.columns} tone="title" />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {children}
      </Box>
      {prompt ?? <TextLine text="" width={size.columns} />}
      <StatusBar hints={hints} width={size.columns} />
    </Box>
  );
}
