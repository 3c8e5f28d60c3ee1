/**
 * The unit every scrollable screen is built from: one terminal line of plain
 * text and a tone. Builders produce lines independent of the terminal width
 * (components cut them), so a screen's line count is known to the reducer for
 * scrolling.
 */
export type Tone = 'plain' | 'title' | 'muted' | 'ok' | 'warn' | 'bad' | 'sql' | 'accent';

export interface Line {
  text: string;
  tone: Tone;
}

export function line(text: string, tone: Tone = 'plain'): Line {
  return { text, tone };
}

export const blank: Line = { text: '', tone: 'plain' };
