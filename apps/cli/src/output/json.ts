/**
 * `--json`: one document on stdout per invocation. Versions are strings
 * (goose versions are int64, beyond a JSON number's exact range).
 */

export interface JsonError {
  code: string;
  message: string;
  hint: string | null;
  /** The migration file (as a path under -dir) and 1-based line, when the error is in one. */
  file: string | null;
  line: number | null;
  sqlState: string | null;
  /** The first lines of the failing statement. */
  statement: string | null;
}

export interface JsonResult {
  version: string;
  file: string;
  direction: 'up' | 'down';
  durationMs: number;
  empty: boolean;
  ok: boolean;
  /** --single-transaction: the group it ran in. */
  group?: number;
  /** It ran, then its group was rolled back: nothing of it stayed. */
  rolledBack?: boolean;
  /** --lock-timeout-guard: attempts made, when more than one. */
  attempts?: number;
}

export interface JsonDocument {
  ok: boolean;
  command: string;
  results: JsonResult[];
  currentVersion: string | null;
  error: JsonError | null;
  [extra: string]: unknown;
}

/** JSON.stringify that writes bigints as decimal strings. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
