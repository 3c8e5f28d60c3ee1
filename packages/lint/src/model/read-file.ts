import { GanderParseError, parseMigrationFileName, parseSqlStatements, type ParsedStatement } from '@gander/core';
import { parseGrammar, parseGrammarBatch, type GrammarResult } from '../grammar/pg-grammar.js';
import { isInBlock, readAnnotations } from './annotations.js';
import type { Annotations, GooseStatement, LintFile, PlacedStatement } from './types.js';

/** Base name of a `/` or `\` path. */
export function fileNameOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? path : path.slice(slash + 1);
}

/** Line and column (1-based) of `offset` in a statement that starts at `line:column` of the file. */
export function placeIn(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  if (offset === 0) return { line, column };
  let l = line;
  let lastNewline = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    l++;
    lastNewline = i;
  }
  return lastNewline === -1 ? { line: l, column: column + offset } : { line: l, column: offset - lastNewline };
}

function firstColumn(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? '';
  const index = text.search(/\S/);
  return index === -1 ? 1 : index + 1;
}

function toStatement(section: 'up' | 'down', parsed: ParsedStatement, lines: readonly string[], annotations: Annotations, batched: GrammarResult | undefined): GooseStatement {
  const column = firstColumn(lines, parsed.line);
  const grammar: GrammarResult = batched ?? parseGrammar(parsed.sql);
  const sql: PlacedStatement[] = [];
  if (grammar.ok) {
    for (const s of grammar.statements) {
      // A literal, not spreads: this runs for every statement of every file (profiled on 10,000 files).
      const place = placeIn(parsed.sql, s.offset, parsed.line, column);
      sql.push({ kind: s.kind, node: s.node, offset: s.offset, line: place.line, column: place.column });
    }
  }
  return {
    section,
    text: parsed.sql,
    line: parsed.line,
    column,
    endLine: parsed.endLine,
    inBlock: isInBlock(annotations, parsed.line),
    grammar,
    sql,
  };
}

function section(name: 'up' | 'down', statements: readonly ParsedStatement[], lines: readonly string[], annotations: Annotations): GooseStatement[] {
  const batch = parseGrammarBatch(statements.map((s) => s.sql));
  return statements.map((s, i) => toStatement(name, s, lines, annotations, batch?.[i]));
}

/**
 * goose's splitting first (core's parser: real lines, Up/Down, transaction
 * mode), then PostgreSQL's grammar on each statement. ENVSUB is read with no
 * variables, so `${VAR}` stays as written. Call `loadGrammar` first.
 */
export function readLintFile(path: string, content: string, options: { nameOnly?: boolean } = {}): LintFile {
  const fileName = fileNameOf(path);
  const name = parseMigrationFileName(fileName);
  const version = name.ok ? name.version : undefined;
  const lines = options.nameOnly === true ? [] : content.split('\n');
  const annotations = readAnnotations(lines);
  // Object literals, not `{ ...base, … }`: on Node 20 a spread with more members after it costs ~4 µs (profiled on 10,000 files).
  const file = (up: GooseStatement[], down: GooseStatement[], useTx: boolean, gooseError: LintFile['gooseError']): LintFile => ({
    path,
    fileName,
    version,
    content,
    lines,
    annotations,
    useTx,
    up,
    down,
    gooseError,
  });
  // Files only the folder rules look at (already applied, or not changed since --since).
  if (options.nameOnly === true) return file([], [], true, undefined);
  try {
    const env = {};
    const up = parseSqlStatements(content, 'up', { file: path, env });
    const down = parseSqlStatements(content, 'down', { file: path, env });
    return file(section('up', up.statements, lines, annotations), section('down', down.statements, lines, annotations), up.useTx, undefined);
  } catch (error) {
    if (!(error instanceof GanderParseError)) throw error;
    // The message starts with `file:line: `; findings print the place themselves.
    const message = error.message.replace(/^.*?:\d+: /, '');
    return file([], [], true, { message, line: error.line, hint: error.hint });
  }
}
