/**
 * Every error gander raises on purpose is a GanderError with a stable `code`.
 * Faces (CLI, TUI, startup check) switch on `code`, never on message text, and
 * print `message` plus `hint` (what to do next) without a stack trace.
 */
export type GanderErrorCode =
  | 'E_PARSE'
  | 'E_INVALID_FILENAME'
  | 'E_INVALID_VERSION'
  | 'E_DUPLICATE_VERSION'
  | 'E_NO_MIGRATIONS'
  | 'E_DIR_NOT_FOUND'
  | 'E_READ_FAILED'
  | 'E_UNSAFE_FILE'
  | 'E_TRANSACTION_CONTROL'
  | 'E_MISSING_MIGRATION'
  | 'E_UNKNOWN_MIGRATION'
  | 'E_VERSION_NOT_FOUND'
  | 'E_NO_NEXT_VERSION'
  | 'E_NO_CURRENT_VERSION'
  | 'E_ALREADY_APPLIED'
  | 'E_NOT_APPLIED'
  | 'E_DRIFT'
  | 'E_LOCK_TIMEOUT'
  | 'E_LOCK_NOT_AVAILABLE'
  | 'E_BASELINE_REFUSED'
  | 'E_FAILED_MIGRATION'
  | 'E_STATEMENT_FAILED'
  | 'E_INVALID_OPTION'
  | 'E_INVALID_TABLE_NAME'
  | 'E_DRIVER_MISSING'
  | 'E_EXTENSION_UNAVAILABLE'
  | 'E_CONNECTION'
  | 'E_SCHEMA_STALE'
  | 'E_DATABASE'
  | 'E_LINT_CONFIG'
  | 'E_LINT_INPUT'
  | 'E_PG_DUMP_NOT_FOUND'
  | 'E_PG_DUMP_MISMATCH'
  | 'E_PG_DUMP_FAILED'
  | 'E_DUMP_UNSUPPORTED';

export interface GanderErrorOptions {
  /** What the user can do about it, in one sentence. */
  hint?: string;
  cause?: unknown;
}

export class GanderError extends Error {
  readonly code: GanderErrorCode;
  readonly hint: string | undefined;

  constructor(code: GanderErrorCode, message: string, options: GanderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GanderError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** A migration file that goose's parser would reject. `line` is 1-based. */
export class GanderParseError extends GanderError {
  readonly file: string | undefined;
  readonly line: number;

  constructor(message: string, details: { file?: string | undefined; line: number; hint?: string; cause?: unknown }) {
    const where = `${details.file === undefined ? '<sql>' : escapeControl(details.file)}:${details.line}`;
    super('E_PARSE', `${where}: ${message}`, { hint: details.hint, cause: details.cause });
    this.name = 'GanderParseError';
    this.file = details.file;
    this.line = details.line;
  }
}

/**
 * A name from outside (a file name) as it may appear inside a message: control
 * characters as `\xNN`, so a newline or ESC in a file name cannot forge or
 * recolour an output line.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f\u0080-\u009f\u2028\u2029]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function isGanderError(value: unknown): value is GanderError {
  return value instanceof GanderError;
}
