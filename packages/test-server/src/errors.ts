/** Errors of the throwaway servers, with a stable `code` and a `hint` that says what to do next. */
export type TestServerErrorCode =
  /** The binaries were not found, cannot run here, or the server did not come up. */
  'E_SERVER_START';

export class TestServerError extends Error {
  readonly code: TestServerErrorCode;
  readonly hint: string | undefined;

  constructor(code: TestServerErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TestServerError';
    this.code = code;
    this.hint = options.hint;
  }
}
