import type { Node } from 'libpg-query';
import { parseGrammar } from '../grammar/pg-grammar.js';
import { parseDoBody, type BodyStatement } from '../grammar/plpgsql.js';
import { placeIn } from './read-file.js';
import type { GooseStatement, LintFile, PlacedStatement } from './types.js';

/** Does any statement of the file run a DO block? (Then the PL/pgSQL parser is needed.) */
export function hasDoBlock(file: LintFile): boolean {
  return [...file.up, ...file.down].some((s) => s.sql.some((q) => q.kind === 'DoStmt'));
}

/** The body and language of a `DO`: `args` holds DefElems `as` (the body) and `language`. */
function doBody(node: Node): { body: string; language: string } | undefined {
  if (!('DoStmt' in node)) return undefined;
  let body: string | undefined;
  let language = 'plpgsql';
  for (const arg of node.DoStmt.args ?? []) {
    if (!('DefElem' in arg)) continue;
    const value = arg.DefElem.arg !== undefined && 'String' in arg.DefElem.arg ? arg.DefElem.arg.String.sval : undefined;
    if (arg.DefElem.defname === 'as') body = value;
    if (arg.DefElem.defname === 'language' && value !== undefined) language = value.toLowerCase();
  }
  return body === undefined ? undefined : { body, language };
}

/** The value of a string constant expression (`'…'`, `E'…'`, `'…' || '…'`), with the offset of its first literal. */
function constantString(expression: string): { value: string; offset: number } | undefined {
  const prefix = 'SELECT ';
  const parsed = parseGrammar(prefix + expression);
  if (!parsed.ok || parsed.statements.length !== 1) return undefined;
  const node = parsed.statements[0]!.node;
  if (!('SelectStmt' in node)) return undefined;
  const targets = node.SelectStmt.targetList ?? [];
  if (targets.length !== 1 || node.SelectStmt.fromClause !== undefined) return undefined;
  const target = targets[0]!;
  const value = 'ResTarget' in target ? target.ResTarget.val : undefined;
  const folded = value === undefined ? undefined : fold(value);
  if (folded === undefined) return undefined;
  return { value: folded.value, offset: Math.max(0, folded.location - prefix.length) };
}

function fold(node: Node): { value: string; location: number } | undefined {
  if ('A_Const' in node) {
    const sval = node.A_Const.sval?.sval;
    return sval === undefined ? undefined : { value: sval, location: node.A_Const.location ?? 0 };
  }
  if ('A_Expr' in node && node.A_Expr.kind === 'AEXPR_OP' && node.A_Expr.lexpr !== undefined && node.A_Expr.rexpr !== undefined) {
    const op = node.A_Expr.name?.at(-1);
    if (op === undefined || !('String' in op) || op.String.sval !== '||') return undefined;
    const left = fold(node.A_Expr.lexpr);
    const right = fold(node.A_Expr.rexpr);
    return left === undefined || right === undefined ? undefined : { value: left.value + right.value, location: left.location };
  }
  return undefined;
}

/** Offset in `text` where line `line` (1-based, counted from `from`) starts. */
function lineStart(text: string, from: number, line: number): number {
  let offset = from;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return offset;
    offset = nl + 1;
  }
  return offset;
}

/**
 * The statements a `DO` block's PL/pgSQL body runs, placed at their real line
 * and column in the file: the ones written in the body, and `EXECUTE` of a
 * constant string. EXECUTE of a built string (`format(…)`, variables) cannot
 * be read statically and is left out. A body with a PL/pgSQL syntax error
 * gives none and the error (the DO block itself is still linted); a body the
 * parser fails on otherwise gives none. Call `loadPlpgsql` first.
 */
export function doBlockStatements(statement: GooseStatement, sql: PlacedStatement): { statements: PlacedStatement[]; syntaxError?: string } {
  const found = doBody(sql.node);
  if (found === undefined || found.language !== 'plpgsql') return { statements: [] };
  const parsed = parseDoBody(`DO $gander_body$${found.body}$gander_body$`);
  // Only a syntax error is sure to be one: other failures of the wrapper come without a usable message.
  if (!parsed.ok) return parsed.message.startsWith('syntax error') ? { statements: [], syntaxError: parsed.message } : { statements: [] };
  // A dollar-quoted body is in the statement verbatim; a quoted one ('' escapes) is placed at the DO itself.
  const bodyIndex = statement.text.indexOf(found.body, sql.offset);
  const out: PlacedStatement[] = [];
  for (const inner of parsed.statements) {
    const placed = place(statement, sql, bodyIndex, inner);
    if (placed !== undefined) out.push(...placed);
  }
  return { statements: out };
}

function place(statement: GooseStatement, sql: PlacedStatement, bodyIndex: number, inner: BodyStatement): PlacedStatement[] | undefined {
  const text = statement.text;
  // Where the inner statement's text starts in the goose statement (or the DO's own start when it cannot be found).
  let start = sql.offset;
  let sqlText = inner.sql;
  if (inner.dynamic) {
    const constant = inner.expression === undefined ? undefined : constantString(inner.expression);
    if (constant === undefined) return undefined;
    sqlText = constant.value;
    if (bodyIndex !== -1) {
      const at = text.indexOf(inner.expression!, lineStart(text, bodyIndex, inner.line));
      // +1: past the opening quote, where the statement's text begins.
      if (at !== -1) start = at + constant.offset + 1 + (/^[eE]'/.test(inner.expression!.slice(constant.offset)) ? 1 : 0);
    }
  } else if (bodyIndex !== -1) {
    const from = lineStart(text, bodyIndex, inner.line);
    const at = text.indexOf(inner.sql, from);
    if (at !== -1) start = at;
    // PERFORM's query is `SELECT ` + what the body says after PERFORM: place it at the PERFORM.
    else if (inner.sql.startsWith('SELECT ')) {
      const expression = text.indexOf(inner.sql.slice('SELECT '.length), from);
      const perform = expression === -1 ? -1 : text.slice(from, expression).toUpperCase().lastIndexOf('PERFORM');
      if (perform !== -1) start = from + perform;
    }
  }
  const grammar = parseGrammar(sqlText);
  if (!grammar.ok) return undefined;
  const base = placeIn(text, start, statement.line, statement.column);
  const found = start !== sql.offset;
  return grammar.statements.map((g) => ({
    kind: g.kind,
    node: g.node,
    offset: start + (found ? g.offset : 0),
    ...(found ? placeIn(sqlText, g.offset, base.line, base.column) : { line: sql.line, column: sql.column }),
    doBlock: { guarded: inner.guarded, dynamic: inner.dynamic },
  }));
}
