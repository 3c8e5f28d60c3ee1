import { TextLine } from './text-line.js';

export interface ConfirmPromptProps {
  question: string;
  width: number;
}

/** A y/N question; no is the default, so only `y` runs anything. */
export function ConfirmPrompt({ question, width }: ConfirmPromptProps) {
  return <TextLine text={`${question} [y/N]`} width={width} tone="warn" />;
}
