import { GanderMigrationError, isGanderError, type StatementFailure } from '@gander/core';

/**
 * What the screens show of an error. Converted once, where the error is caught,
 * so components render plain data and never inspect error classes.
 */
export interface ErrorInfo {
  code: string;
  message: string;
  hint: string | undefined;
  /** Set when a migration statement failed on the server: file, line, excerpt. */
  failure: StatementFailure | undefined;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof GanderMigrationError) {
    return { code: error.code, message: error.message, hint: error.hint, failure: error.failure };
  }
  if (isGanderError(error)) return { code: error.code, message: error.message, hint: error.hint, failure: undefined };
  const message = error instanceof Error ? error.message : String(error);
  // Not one of gander's own errors: a bug or a dropped connection. Say so plainly.
  return { code: 'E_UNEXPECTED', message, hint: 'check the database connection; the status is refreshed when you go back', failure: undefined };
}
