/**
 * Errors the testkit raises on purpose. Like core's GanderError they carry a
 * stable `code` to switch on and a `hint` that says what to do next; they are
 * a separate class because core's error codes are a closed list that a test
 * helper should not extend.
 */
export type TestkitErrorCode =
  /** A scenario found a fault in the migrations (the report says which file and object). */
  | 'E_SCENARIO_FAILED'
  /** No kind of ephemeral PostgreSQL could be started. */
  | 'E_NO_SERVER'
  /** A server kind was chosen but failed to start. */
  | 'E_SERVER_START'
  /** A scenario needs an empty database (version 0) and got one with migrations applied. */
  | 'E_DATABASE_NOT_EMPTY'
  /** The seed SQL of a data-integrity check could not be read or failed to load. */
  | 'E_SEED_FAILED'
  /** `migrationSuite({ lint: true })`: gander lint found findings that fail the suite. */
  | 'E_LINT_FINDINGS'
  | 'E_INVALID_OPTION'
  /** `squashMigrations` will not squash these files (what and why in the message). */
  | 'E_SQUASH_REFUSED'
  /** The squashed file does not build the schema the files it replaces build: nothing was written. */
  | 'E_SQUASH_NOT_IDENTICAL';

export interface TestkitErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class TestkitError extends Error {
  readonly code: TestkitErrorCode;
  readonly hint: string | undefined;

  constructor(code: TestkitErrorCode, message: string, options: TestkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TestkitError';
    this.code = code;
    this.hint = options.hint;
  }
}
