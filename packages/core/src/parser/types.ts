import type { Substitution } from './substitutions.js';

/** Which half of a migration file to read. */
export type Direction = 'up' | 'down';

/** One statement as goose would send it to the database. */
export interface ParsedStatement {
  /** The statement text, `TrimSpace`d like goose (comments inside it are kept). */
  sql: string;
  /**
   * 1-based line of the statement's first line in the file, after the leading
   * comments and blank lines goose drops, so that `sql` spans `line..endLine`.
   */
  line: number;
  /** 1-based line of the statement's last line in the file. */
  endLine: number;
}

export interface ParsedSql {
  statements: ParsedStatement[];
  /** False when the file has `-- +goose NO TRANSACTION` anywhere. */
  useTx: boolean;
}

export interface ParseOptions {
  /** Shown in error messages; the parser never reads files itself. */
  file?: string;
  /** Variables for `-- +goose ENVSUB ON`; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface ParsedMigrationSql {
  up: ParsedStatement[];
  down: ParsedStatement[];
  useTx: boolean;
  /**
   * Values ENVSUB substituted, by variable. Anything that prints a statement
   * shows them as `${NAME}` (hideSubstitutions): they may be secrets.
   */
  substitutions?: Substitution[];
}
