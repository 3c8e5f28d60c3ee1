import { line, type Line } from './lines.js';
import { untab } from './text.js';

/** Statements as they will be sent, numbered, with the line each starts at in the file. */
export function statementLines(statements: ReadonlyArray<{ sql: string; line: number }>, indent = '  '): Line[] {
  if (statements.length === 0) return [line(`${indent}(no statements)`, 'muted')];
  const out: Line[] = [];
  statements.forEach((statement, index) => {
    out.push(line(`${indent}[${index + 1}] line ${statement.line}`, 'muted'));
    for (const sqlLine of statement.sql.split('\n')) out.push(line(`${indent}    ${untab(sqlLine)}`, 'sql'));
  });
  return out;
}
