import { TextLine } from './text-line.js';

export interface TypedConfirmPromptProps {
  target: bigint;
  typed: string;
  /** What was typed last time when it was not the target. */
  mismatch: string | undefined;
  steps: number;
  width: number;
}

/**
 * Rolling back several versions asks for the target version to be typed: a
 * stray `y` must not drop tables.
 */
export function TypedConfirmPrompt({ target, typed, mismatch, steps, width }: TypedConfirmPromptProps) {
  const question =
    mismatch === undefined
      ? `Roll back ${steps} migrations to version ${target}? Type ${target} and enter: ${typed}_`
      : `Typed ${mismatch}, not ${target}: nothing ran. Type ${target} and enter: ${typed}_`;
  return (
    <TextLine
      text={question}
      width={width}
      tone={mismatch === undefined ? 'warn' : 'bad'}
    />
  );
}
