import { fitHints, type Hints } from '../keys/hints.js';
import { TextLine } from './text-line.js';

export interface StatusBarProps {
  hints: Hints;
  width: number;
}

/** The bottom line: the keys this screen answers to; help and quit (or back) survive any width. */
export function StatusBar({ hints, width }: StatusBarProps) {
  return <TextLine text={fitHints(hints, width)} width={width} tone="muted" />;
}
