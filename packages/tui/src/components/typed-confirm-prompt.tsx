import type { Confirm } from '../state/types.js';
import { TextLine } from './text-line.js';

export interface TypedConfirmPromptProps {
  confirm: Extract<Confirm, { kind: 'typed' }>;
  steps: number;
  width: number;
}

/**
 * Rolling back several versions asks for the target version to be typed, and
 * running over drifted files asks for `allow-drift`: a stray `y` must not drop
 * tables or run over changed files.
 */
export function TypedConfirmPrompt({ confirm, steps, width }: TypedConfirmPromptProps) {
  const { target, typed, mismatch } = confirm;
  const ask =
    confirm.reason === 'drift'
      ? `Drift. Type ${target} and enter to run anyway: ${typed}_`
      : `Roll back ${steps} migrations to version ${target}? Type ${target} and enter: ${typed}_`;
  const question = mismatch === undefined ? ask : `Typed ${mismatch}, not ${target}: nothing ran. Type ${target} and enter: ${typed}_`;
  return <TextLine text={question} width={width} tone={mismatch === undefined ? 'warn' : 'bad'} />;
}
