import type { Direction } from '../parser/index.js';
import { GanderError } from '../errors.js';

export interface StatementFailure {
  version: bigint;
  file: string;
  direction: Direction;
  useTx: boolean;
  /** 1-based index of the failing statement, and how many the migration has. */
  statementIndex: number;
  statementCount: number;
  /** 1-based line where the statement starts in the file. */
  statementLine: number;
  /** The line PostgreSQL's error position points at, when it gave one. */
  errorLine: number | undefined;
  excerpt: string;
  sqlState: string | undefined;
  serverMessage: string;
  detail: string | undefined;
  /**
   * The session was found outside any transaction after the failure: the
   * migration's own transaction had ended before it (something committed),
   * so what ran before it was not rolled back.
   */
  transactionEnded?: boolean;
}

function excerptOf(sql: string): string {
  const lines = sql.split('\n');
  const head = lines.slice(0, 3).join('\n');
  const short = head.length > 300 ? `${head.slice(0, 300)}…` : head;
  return lines.length > 3 ? `${short}\n…` : short;
}

/**
 * A statement of a migration failed on the server. Names the file, the line,
 * the statement and PostgreSQL's own message and SQLSTATE, and says what state
 * the database was left in.
 */
export class GanderMigrationError extends GanderError {
  readonly failure: StatementFailure;

  constructor(failure: Omit<StatementFailure, 'excerpt'> & { sql: string }, cause: unknown) {
    const { sql, ...rest } = failure;
    const full: StatementFailure = { ...rest, excerpt: excerptOf(sql) };
    const line = full.errorLine ?? full.statementLine;
    const state = full.transactionEnded
      ? "the migration's transaction had already ended before this statement (something in it committed): the statements before it may stay applied; the version was not recorded"
      : full.useTx
      ? 'the transaction was rolled back: nothing of this migration was applied'
      : full.statementIndex === 2
        ? `NO TRANSACTION: statement 1 of ${full.statementCount} ran and stays applied; the version was not recorded`
        : full.statementIndex > 2
          ? `NO TRANSACTION: statements 1–${full.statementIndex - 1} of ${full.statementCount} ran and stay applied; the version was not recorded`
        : 'NO TRANSACTION: no statement of it ran; the version was not recorded';
    super(
      'E_STATEMENT_FAILED',
      `${full.file}:${line}: ${full.direction} statement ${full.statementIndex} of ${full.statementCount} failed: ${full.serverMessage}${full.sqlState ? ` (SQLSTATE ${full.sqlState})` : ''}; ${state}`,
      {
        hint: full.useTx
          ? `fix the statement at ${full.file}:${full.statementLine} and run the command again`
          : `fix the statement at ${full.file}:${full.statementLine}, make the statements that already ran safe to repeat (IF NOT EXISTS), then run the command again`,
        cause,
      },
    );
    this.name = 'GanderMigrationError';
    this.failure = full;
  }

  /** The same failure, saying the transaction had ended before it (so nothing was rolled back). */
  withTransactionEnded(): GanderMigrationError {
    const { excerpt, ...rest } = this.failure;
    const copy = new GanderMigrationError({ ...rest, sql: excerpt, transactionEnded: true }, this.cause);
    copy.failure.excerpt = excerpt;
    return copy;
  }
}
