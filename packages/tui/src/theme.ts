import { createContext, useContext } from 'react';
import type { Tone } from './format/lines.js';
import type { RowState } from './state/rows.js';

/** The Text props a tone turns into; empty with no colour, so nothing but text reaches the terminal. */
export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

export interface Theme {
  tone(tone: Tone): TextStyle;
  state(state: RowState): TextStyle;
  /** The selected row: inverse video with colour; without, the `>` marker alone shows it. */
  selected: TextStyle;
}

const TONES: Record<Tone, TextStyle> = {
  plain: {},
  title: { bold: true },
  muted: { dimColor: true },
  ok: { color: 'green' },
  warn: { color: 'yellow' },
  bad: { color: 'red' },
  sql: { color: 'cyan' },
  accent: { color: 'blue' },
};

const STATES: Record<RowState, TextStyle> = {
  applied: { color: 'green' },
  pending: { color: 'yellow' },
  missing: { color: 'magenta' },
  unknown: { color: 'red' },
  drifted: { color: 'red', bold: true },
  failed: { color: 'red' },
  partial: { color: 'red', bold: true },
};

const colour: Theme = { tone: (t) => TONES[t], state: (s) => STATES[s], selected: { inverse: true } };
const plain: Theme = { tone: () => ({}), state: () => ({}), selected: {} };

export function themeFor(noColor: boolean): Theme {
  return noColor ? plain : colour;
}

export const ThemeContext = createContext<Theme>(colour);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
