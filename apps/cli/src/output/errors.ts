import { redactSecrets } from '@gander/core';
import type { JsonError } from './json.js';

/**
 * Turn anything thrown into what the user reads: one line that says what went
 * wrong, a hint that says what to do, where (file:line and the statement) for
 * SQL, and with -v the SQLSTATE, the whole statement and the cause. Never a
 * stack trace unless it is our own bug and -v asked for it; never a password.
 */

export interface ErrorReport {
  code: string;
  message: string;
  hint: string | undefined;
  /** Path of the migration file (under -dir), and the line. */
  file: string | undefined;
  line: number | undefined;
  statementLine: number | undefined;
  sqlState: string | undefined;
  excerpt: string | undefined;
  detail: string | undefined;
  cause: string | undefined;
  /** Not a GanderError or CliError: a bug, or something nobody foresaw. */
  internal: boolean;
  stack: string | undefined;
}

interface StatementFailureLike {
  file: string;
  statementLine: number;
  errorLine: number | undefined;
  excerpt: string;
  sqlState: string | undefined;
  detail: string | undefined;
}

interface CodedError extends Error {
  code: string;
  hint?: string;
  failure?: StatementFailureLike;
  file?: string;
  line?: number;
}

// Duck-typed: CliError and every GanderError subclass carry `code` (and `hint`).
function isCoded(error: unknown): error is CodedError {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E_[A-Z_]+$/.test(code);
}

function scrub(text: string | undefined, secrets: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  // A connection string with a password that got into a message some other way.
  return redactSecrets(text, secrets).replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@/?#\s]*)@/gi, '$1****@').replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)/gi, '$1****');
}

function causeText(error: Error): string | undefined {
  const cause = error.cause;
  if (cause === undefined) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${cause.name}: ${cause.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return String(cause);
}

/**
 * Errors that are not ours but not bugs either: PostgreSQL refusing one of
 * gander's own queries (a -table whose schema does not exist, missing
 * privileges), or the operating system failing a call.
 */
function externalError(error: unknown): { code: string; message: string; hint: string; sqlState?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') {
    return {
      code: 'E_DATABASE',
      message: `${error.message} (SQLSTATE ${code})`,
      hint: 'PostgreSQL refused a query gander needed: check -table (its schema must exist) and the privileges of the user',
      sqlState: code,
    };
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { code: 'E_SYSTEM', message: error.message, hint: 'a system call failed: check the path, the permissions and the network' };
  }
  return undefined;
}

/** `dir` joins a failure's file name into a path the user can open. */
export function describeError(error: unknown, secrets: readonly string[], pathOf: (file: string) => string = (f) => f): ErrorReport {
  if (isCoded(error)) {
    const failure = error.failure;
    const file = failure ? pathOf(failure.file) : error.file;
    const line = failure ? (failure.errorLine ?? failure.statementLine) : error.line;
    return {
      code: error.code,
      message: scrub(error.message, secrets)!,
      hint: scrub(error.hint, secrets),
      file: file === undefined ? undefined : scrub(file, secrets),
      line: typeof line === 'number' ? line : undefined,
      statementLine: failure?.statementLine,
      sqlState: failure?.sqlState,
      excerpt: scrub(failure?.excerpt, secrets),
      detail: scrub(failure?.detail, secrets),
      cause: scrub(causeText(error), secrets),
      internal: false,
      stack: undefined,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const external = externalError(error);
  if (external) {
    return {
      code: external.code,
      message: scrub(external.message, secrets)!,
      hint: external.hint,
      file: undefined,
      line: undefined,
      statementLine: undefined,
      sqlState: external.sqlState,
      excerpt: undefined,
      detail: scrub((error as { detail?: string }).detail, secrets),
      cause: undefined,
      internal: false,
      stack: undefined,
    };
  }
  return {
    code: 'E_INTERNAL',
    message: scrub(message, secrets)!,
    hint: 'this is a bug in gander: run again with -v for the stack trace and report it',
    file: undefined,
    line: undefined,
    statementLine: undefined,
    sqlState: undefined,
    excerpt: undefined,
    detail: undefined,
    cause: error instanceof Error ? scrub(causeText(error), secrets) : undefined,
    internal: true,
    stack: error instanceof Error ? scrub(error.stack, secrets) : undefined,
  };
}

export function jsonError(report: ErrorReport): JsonError {
  return {
    code: report.code,
    message: report.message,
    hint: report.hint ?? null,
    file: report.file ?? null,
    line: report.line ?? null,
    sqlState: report.sqlState ?? null,
    statement: report.excerpt ?? null,
  };
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
}

/**
 * The lines after the logged `goose run: <message>`: hint, location and
 * excerpt; with verbose, SQLSTATE, detail, the full statement and the cause.
 */
export function errorDetailLines(report: ErrorReport, options: { verbose: boolean; fullStatement?: string }): string[] {
  const lines: string[] = [];
  if (report.hint) lines.push(`    hint: ${report.hint}`);
  if (report.file !== undefined && report.line !== undefined) lines.push(`    at: ${report.file}:${report.line}`);
  if (report.excerpt !== undefined && !options.verbose) {
    const first = report.statementLine ?? 1;
    report.excerpt.split('\n').forEach((text, i) => {
      const no = first + i;
      const mark = no === report.line ? '>' : ' ';
      lines.push(`    ${mark} ${String(no).padStart(4, ' ')} | ${text}`);
    });
  }
  if (options.verbose) {
    if (report.sqlState) lines.push(`    sqlstate: ${report.sqlState}`);
    if (report.detail) lines.push(`    detail: ${report.detail}`);
    const statement = options.fullStatement ?? report.excerpt;
    if (statement !== undefined) lines.push('    statement:', indent(statement, '      '));
    if (report.cause) lines.push(`    cause: ${report.cause}`);
    if (report.internal && report.stack) lines.push(indent(report.stack, '    '));
  }
  return lines;
}
