import type { GrammarResult, GrammarStatement } from '../grammar/pg-grammar.js';

/** A SQL statement inside a goose statement, placed in the file. */
export interface PlacedStatement extends GrammarStatement {
  line: number;
  column: number;
  /** A `DO` block's statements, read from its PL/pgSQL body and placed in the file (see do-block.ts). */
  body?: PlacedStatement[];
  /** PL/pgSQL's syntax error in a `DO` block's body: the block fails when it runs. */
  bodyError?: string;
  /** Set on a statement inside a `DO` block's body. */
  doBlock?: {
    /** Runs only under an IF, CASE, loop or a block with an exception handler: the body decides whether it runs. */
    guarded: boolean;
    /** The constant string of an `EXECUTE`. */
    dynamic: boolean;
  };
}

/** One statement as goose sends it, with PostgreSQL's reading of it. */
export interface GooseStatement {
  section: 'up' | 'down';
  text: string;
  /** Where the statement text starts in the file (1-based). */
  line: number;
  column: number;
  endLine: number;
  /** Inside a `-- +goose StatementBegin` / `StatementEnd` block. */
  inBlock: boolean;
  grammar: GrammarResult;
  /** The SQL statements PostgreSQL found in it (none when the grammar rejected it). */
  sql: PlacedStatement[];
}

/** What the file's goose annotations say, by line. */
export interface Annotations {
  upLine: number | undefined;
  downLine: number | undefined;
  noTransactionLine: number | undefined;
  /** `[begin, end]` line pairs of StatementBegin/StatementEnd. */
  blocks: Array<[number, number]>;
}

/** A migration file read for linting. */
export interface LintFile {
  /** The path as given (what findings show). */
  path: string;
  fileName: string;
  /** Undefined when the name is not a goose migration name. */
  version: bigint | undefined;
  content: string;
  lines: string[];
  useTx: boolean;
  annotations: Annotations;
  up: GooseStatement[];
  down: GooseStatement[];
  /** goose's own parser rejected the file: nothing else can be checked in it. */
  gooseError: { message: string; line: number; hint: string | undefined } | undefined;
}
