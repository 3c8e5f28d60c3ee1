/**
 * The TUI's own refusals. Shaped like core's GanderError (`code`, `message`,
 * `hint`) so a CLI prints it the same way, but kept here: core's error codes
 * describe migrations, not terminals.
 */
/** E_INTERRUPTED: the user stopped a run (q, Ctrl-C) and planned migrations did not run. */
export type TuiErrorCode = 'E_NOT_A_TTY' | 'E_INTERRUPTED';

export class TuiError extends Error {
  readonly code: TuiErrorCode;
  readonly hint: string;

  constructor(code: TuiErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'TuiError';
    this.code = code;
    this.hint = hint;
  }
}

/** Ink needs a terminal both ways: to draw in place (stdout) and to read single keys (stdin). */
export function notATtyError(stream: 'stdout' | 'stdin'): TuiError {
  return new TuiError(
    'E_NOT_A_TTY',
    `gander tui needs an interactive terminal, but ${stream} is not a TTY; use the CLI instead: \`gander status\` to list migrations, \`gander up\` to apply them`,
    'run `gander tui` in a terminal, or script the CLI commands (`gander status`, `gander up`, `gander down`)',
  );
}

export function isTuiError(value: unknown): value is TuiError {
  return value instanceof TuiError;
}
