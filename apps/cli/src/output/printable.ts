/**
 * Text from outside (file names, labels, host names, server messages) must
 * not reach the terminal raw: an ESC sequence could recolour or rewrite the
 * screen, and a newline or carriage return in a file name could forge an
 * `OK   00003_… (1ms)` line. Control characters become `\xNN` (C1: `\u00NN`).
 */

// eslint-disable-next-line no-control-regex
const CONTROL_KEEP_LINES = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Multi-line text (an error with its hint): newlines and tabs stay, every other control character is escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL_KEEP_LINES, escape);
}

/** One line (a file name, a label): every control character is escaped, newlines included. */
export function printableLine(text: string): string {
  return text.replace(CONTROL_ALL, escape);
}

/** The longest --env-label / GANDER_ENV gander accepts. */
export const LABEL_MAX = 64;
