import { loadModule, parseSync, type Node, type ParseResult } from 'libpg-query';

/**
 * PostgreSQL's own grammar (libpg_query compiled to WebAssembly). Never a
 * home-made SQL parser: what PostgreSQL would reject, this rejects, with the
 * same message and position.
 */

let loading: Promise<void> | undefined;

/** Loads the WebAssembly module once per process; every parse waits for it. */
export function loadGrammar(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** One statement of the text as PostgreSQL sees it. `offset` counts UTF-16 units into the text. */
export interface GrammarStatement {
  /** The node kind, e.g. `AlterTableStmt`. */
  kind: string;
  node: Node;
  offset: number;
}

export type GrammarResult =
  | { ok: true; statements: GrammarStatement[] }
  | { ok: false; message: string; offset: number };

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/** stmt_location counts bytes of UTF-8; JavaScript strings count UTF-16 units. */
function byteOffsetToIndex(text: string, byteOffset: number, ascii: boolean): number {
  if (ascii) return byteOffset;
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

interface SqlErrorLike {
  message: string;
  sqlDetails?: { cursorPosition?: number };
}

/** Parses one goose statement (which may hold several SQL statements). Call `loadGrammar` first. */
export function parseGrammar(text: string): GrammarResult {
  // Control characters count as non-ASCII here: rare, and the slow path is exact anyway.
  const ascii = !NON_ASCII.test(text);
  let result: ParseResult;
  try {
    result = parseSync(text) as ParseResult;
  } catch (error) {
    const e = error as SqlErrorLike;
    // cursorPosition is 0-based and already counts characters (the wrapper converts), unlike stmt_location.
    const cursor = e.sqlDetails?.cursorPosition ?? 0;
    return { ok: false, message: e.message, offset: Math.min(text.length, Math.max(0, cursor)) };
  }
  const statements: GrammarStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (raw.stmt === undefined) continue;
    const kind = Object.keys(raw.stmt)[0] ?? 'Unknown';
    let offset = byteOffsetToIndex(text, raw.stmt_location ?? 0, ascii);
    // stmt_location points just past the previous `;`: skip the white space and comments PostgreSQL skipped.
    offset = skipSpaceAndComments(text, offset);
    statements.push({ kind, node: raw.stmt, offset });
  }
  return { ok: true, statements };
}

function skipSpaceAndComments(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      continue;
    }
    return i;
  }
}

/** A node's one member, e.g. `body(node, 'IndexStmt')` for `{ IndexStmt: {...} }`. */
export function nodeBody<K extends string>(node: Node | undefined, kind: K): (Node extends infer N ? (N extends Record<K, infer B> ? B : never) : never) | undefined {
  if (node === undefined || !(kind in node)) return undefined;
  return (node as Record<string, unknown>)[kind] as never;
}

/**
 * Parses a section's statements in one call (the per-call cost is half the
 * total), when it is safe: every text ends with `;`, the text is ASCII, and
 * no statement PostgreSQL found crosses from one goose statement into the
 * next (a body goose split would). Undefined otherwise: parse one by one.
 */
export function parseGrammarBatch(texts: readonly string[]): GrammarResult[] | undefined {
  if (texts.length < 2 || texts.some((t) => !t.endsWith(';'))) return undefined;
  const joined = texts.join('\n');
  if (NON_ASCII.test(joined)) return undefined;
  let result: ParseResult;
  try {
    result = parseSync(joined) as ParseResult;
  } catch {
    return undefined;
  }
  const starts: number[] = [];
  let position = 0;
  for (const t of texts) {
    starts.push(position);
    position += t.length + 1;
  }
  const out: Array<{ ok: true; statements: GrammarStatement[] }> = texts.map(() => ({ ok: true, statements: [] }));
  let index = 0;
  for (const raw of result.stmts ?? []) {
    if (raw.stmt === undefined) continue;
    const location = raw.stmt_location ?? 0;
    const offset = skipSpaceAndComments(joined, location);
    while (index + 1 < texts.length && starts[index + 1]! <= offset) index++;
    const end = raw.stmt_len === undefined || raw.stmt_len === 0 ? joined.length - 1 : location + raw.stmt_len;
    if (end > starts[index]! + texts[index]!.length) return undefined;
    out[index]!.statements.push({ kind: Object.keys(raw.stmt)[0] ?? 'Unknown', node: raw.stmt, offset: offset - starts[index]! });
  }
  return out;
}
