import { TextLine } from './text-line.js';

export interface StatusBarProps {
  hints: string;
  width: number;
}

/** The bottom line: the keys this screen answers to. */
export function StatusBar({ hints, width }: StatusBarProps) {
  return <TextLine text={hints} width={width} tone="muted" />;
}
