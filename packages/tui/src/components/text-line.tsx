import { Text } from 'ink';
import type { Tone } from '../format/lines.js';
import { truncate } from '../format/text.js';
import { useTheme } from '../theme.js';

export interface TextLineProps {
  text: string;
  width: number;
  tone?: Tone;
}

/** One line of text cut to the width, so it never wraps and shifts the layout. */
export function TextLine({ text, width, tone = 'plain' }: TextLineProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...theme.tone(tone)}>
      {truncate(text, width) || ' '}
    </Text>
  );
}
