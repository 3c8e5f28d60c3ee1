/**
 * PL/pgSQL's own grammar for the bodies of `DO` blocks (libpg_query's
 * plpgsql parser, from `@libpg-query/parser`: `libpg-query` itself has no
 * PL/pgSQL entry point). Its module also loads a 5 MB protobuf schema, so it
 * is imported only when a file has a DO block.
 */

interface PlpgsqlModule {
  loadModule(): Promise<void>;
  parsePlPgSQLSync(text: string): unknown;
}

let loading: Promise<PlpgsqlModule> | undefined;
let loaded: PlpgsqlModule | undefined;

/** Loads the PL/pgSQL parser once per process. */
export function loadPlpgsql(): Promise<void> {
  loading ??= import('@libpg-query/parser').then(async (module) => {
    await module.loadModule();
    loaded = module as unknown as PlpgsqlModule;
    return loaded;
  });
  return loading.then(() => undefined);
}

/** A SQL statement PL/pgSQL would run, as written in the body. */
export interface BodyStatement {
  /** The SQL text (for a constant EXECUTE, the string's value). */
  sql: string;
  /** 1-based line in the body; line 1 is the line the body starts on. */
  line: number;
  /** `EXECUTE '<constant>'` rather than a statement written in the body. */
  dynamic: boolean;
  /** The expression text of an EXECUTE, to find its string literal in the body. */
  expression: string | undefined;
  /** Runs only under an IF, CASE, loop or exception handler: the body decides whether it runs. */
  guarded: boolean;
}

export type BodyResult = { ok: true; statements: BodyStatement[] } | { ok: false; message: string };

// Statement kinds whose inner statements run only when the body decides so.
const GUARDS = new Set([
  'PLpgSQL_stmt_if',
  'PLpgSQL_stmt_case',
  'PLpgSQL_stmt_loop',
  'PLpgSQL_stmt_while',
  'PLpgSQL_stmt_fori',
  'PLpgSQL_stmt_fors',
  'PLpgSQL_stmt_forc',
  'PLpgSQL_stmt_foreach_a',
  'PLpgSQL_stmt_dynfors',
  'PLpgSQL_exception_block',
]);

interface Expr {
  PLpgSQL_expr?: { query?: string };
}

function queryOf(expr: unknown): string | undefined {
  return (expr as Expr | undefined)?.PLpgSQL_expr?.query;
}

/**
 * The SQL statements a PL/pgSQL body runs: the ones written in it, and the
 * EXECUTEs of an expression (the caller decides whether it is a constant).
 * `DO $$…$$` is the text to parse, so line numbers count from the DO's body.
 * Call `loadPlpgsql` first.
 */
export function parseDoBody(doStatement: string): BodyResult {
  if (loaded === undefined) throw new Error('loadPlpgsql() has not finished');
  let tree: unknown;
  try {
    tree = loaded.parsePlPgSQLSync(doStatement);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const statements: BodyStatement[] = [];
  const visit = (value: unknown, guarded: boolean): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, guarded);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const line = (inner as { lineno?: number } | null)?.lineno ?? 0;
      if (key === 'PLpgSQL_stmt_execsql') {
        const sql = queryOf((inner as { sqlstmt?: unknown }).sqlstmt);
        if (sql !== undefined) statements.push({ sql, line, dynamic: false, expression: undefined, guarded });
        continue;
      }
      // PERFORM f(…) runs `SELECT f(…)`: it can set lock_timeout (set_config) like a top-level SELECT.
      if (key === 'PLpgSQL_stmt_perform') {
        const sql = queryOf((inner as { expr?: unknown }).expr);
        if (sql !== undefined) statements.push({ sql, line, dynamic: false, expression: undefined, guarded });
        continue;
      }
      if (key === 'PLpgSQL_stmt_dynexecute') {
        const expression = queryOf((inner as { query?: unknown }).query);
        if (expression !== undefined) statements.push({ sql: '', line, dynamic: true, expression, guarded });
        continue;
      }
      // Declarations and datums hold no statements to run.
      if (key === 'datums') continue;
      visit(inner, guarded || GUARDS.has(key) || (key === 'PLpgSQL_stmt_block' && (inner as { exceptions?: unknown }).exceptions !== undefined));
    }
  };
  visit(tree, false);
  return { ok: true, statements };
}
