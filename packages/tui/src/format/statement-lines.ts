import { line, type Line } from './lines.js';
import { untab } from './text.js';

/** Statements as they will be sent, numbered, with the line each starts at in the file. */
export function statementLines(statements: ReadonlyArray<{ sql: string; line: number; shown?: string }>, indent = '  '): Line[] {
  if (statements.length === 0) return [line(`${indent}(no statements)`, 'muted')];
  const out: Line[] = [];
  statements.forEach((statement, index) => {
    out.push(line(`${indent}[${index + 1}] line ${statement.line}`, 'muted'));
    // `shown`: ENVSUB values (maybe secrets) as ${NAME}.
    for (const sqlLine of (statement.shown ?? statement.sql).split('\n')) out.push(line(`${indent}    ${untab(sqlLine)}`, 'sql'));
  });
  return out;
}
