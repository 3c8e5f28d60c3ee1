/**
 * Errors of the command line itself (arguments, DBSTRING, files), with a
 * stable code as core's GanderError has, and a hint that says what to do.
 */
export type CliErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_COMMAND'
  | 'E_UNSUPPORTED_DRIVER'
  | 'E_INVALID_DSN'
  | 'E_TLS_FILE'
  | 'E_ENV_FILE'
  | 'E_FILE_EXISTS'
  | 'E_IO'
  | 'E_TIMEOUT'
  | 'E_INTERRUPTED'
  | 'E_VALIDATE'
  | 'E_NOT_A_TTY'
  | 'E_FLEET_TARGETS'
  | 'E_FLEET_REPORT'
  | 'E_FLEET_FAILED'
  | 'E_LINT'
  | 'E_DRIVER_MISSING'
  | 'E_INTERNAL';

export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.hint = options.hint;
  }
}
