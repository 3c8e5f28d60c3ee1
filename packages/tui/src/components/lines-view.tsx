import { Box, Text } from 'ink';
import type { Line } from '../format/lines.js';
import { truncate } from '../format/text.js';
import { useTheme } from '../theme.js';

export interface LinesViewProps {
  lines: readonly Line[];
  /** First line shown. */
  offset: number;
  height: number;
  width: number;
  /** Columns scrolled sideways (long SQL lines). */
  shift?: number;
}

/** A window of `height` lines, each cut to the width: the body of every scrolling screen. */
export function LinesView({ lines, offset, height, width, shift = 0 }: LinesViewProps) {
  const theme = useTheme();
  const shown = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {shown.map((l, i) => (
        <Text key={offset + i} wrap="truncate-end" {...theme.tone(l.tone)}>
          {truncate(shift === 0 ? l.text : [...l.text].slice(shift).join(''), width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
