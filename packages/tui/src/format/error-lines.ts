import type { ErrorInfo } from './error-info.js';
import { line, type Line } from './lines.js';
import { untab, wrap } from './text.js';

/**
 * An error as lines: for a failed statement, where (file:line) first, then the
 * statement excerpt and the server's own words, then what to do next.
 */
export function errorLines(error: ErrorInfo, width: number): Line[] {
  const out: Line[] = [line(`Error ${error.code}`, 'bad')];
  const f = error.failure;
  if (f) {
    const at = f.errorLine ?? f.statementLine;
    out.push(line(`at ${f.file}:${at} (${f.direction}, statement ${f.statementIndex} of ${f.statementCount}, starts at line ${f.statementLine})`, 'bad'));
    for (const sqlLine of f.excerpt.split('\n')) out.push(line(`  | ${untab(sqlLine)}`, 'sql'));
    out.push(...wrap(`server: ${f.serverMessage}${f.sqlState ? ` (SQLSTATE ${f.sqlState})` : ''}`, width).map((t) => line(t, 'bad')));
    if (f.detail) out.push(...wrap(`detail: ${f.detail}`, width).map((t) => line(t)));
    // The message's tail says what state the database was left in (rolled back, or partly applied).
    const state = error.message.split('; ').slice(1).join('; ');
    if (state) out.push(...wrap(state, width).map((t) => line(t, 'warn')));
  } else {
    out.push(...wrap(error.message, width).map((t) => line(t, 'bad')));
  }
  if (error.hint) out.push(...wrap(`hint: ${error.hint}`, width).map((t) => line(t, 'accent')));
  return out;
}
