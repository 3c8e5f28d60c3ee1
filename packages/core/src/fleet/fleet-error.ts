import { maskConnectionString, redactSecrets } from '../db/mask.js';
import { GanderError, GanderParseError } from '../errors.js';
import { GanderMigrationError } from '../provider/migration-error.js';
import type { FleetError } from './types.js';

// A connection URL inside free text (an error message): each one is masked by parsing it, the way the
// whole string would be; the message around it is not a connection string and is left alone.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/** Known secrets removed, then any password still in a connection URL in the text masked. */
export function scrubText(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets).replace(URL_IN_TEXT, (url) => maskConnectionString(url));
}

/** Anything a target failed with, as the report carries it: stable code, file:line, no secret. */
export function toFleetError(error: unknown, secrets: readonly string[]): FleetError {
  const scrub = (text: string) => scrubText(text, secrets);
  if (error instanceof GanderMigrationError) {
    const { file, errorLine, statementLine } = error.failure;
    return {
      code: error.code,
      message: scrub(error.message),
      ...(error.hint ? { hint: scrub(error.hint) } : {}),
      file,
      line: errorLine ?? statementLine,
    };
  }
  if (error instanceof GanderParseError) {
    return {
      code: error.code,
      message: scrub(error.message),
      ...(error.hint ? { hint: scrub(error.hint) } : {}),
      ...(error.file ? { file: error.file } : {}),
      line: error.line,
    };
  }
  if (error instanceof GanderError) {
    return { code: error.code, message: scrub(error.message), ...(error.hint ? { hint: scrub(error.hint) } : {}) };
  }
  // Another face's coded error (the CLI's), or something nobody foresaw.
  const code = (error as { code?: unknown } | null)?.code;
  const hint = (error as { hint?: unknown } | null)?.hint;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' && /^E_[A-Z_]+$/.test(code) ? code : 'E_INTERNAL',
    message: scrub(message),
    ...(typeof hint === 'string' ? { hint: scrub(hint) } : {}),
  };
}
