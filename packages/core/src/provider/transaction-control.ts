import { GanderError } from '../errors.js';
import type { ParsedMigrationSql, ParsedStatement } from '../parser/index.js';

/**
 * BEGIN, COMMIT, ROLLBACK, END, ABORT or START TRANSACTION as a statement of
 * a migration that runs in a transaction: gander's own BEGIN … COMMIT wraps
 * the file, so a COMMIT inside it commits the statements before it, and the
 * failure that follows could no longer be rolled back (goose runs such a file
 * and reports a rollback that did not happen). Refused before anything runs.
 * `ROLLBACK TO SAVEPOINT`, `SAVEPOINT` and `RELEASE` stay allowed.
 */
export class TransactionControlError extends GanderError {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, keyword: string) {
    super(
      'E_TRANSACTION_CONTROL',
      `${file}:${line}: ${keyword} in a migration that gander runs in a transaction: it would end gander's transaction, and a later failure could not be rolled back`,
      {
        hint: `remove the ${keyword} statement (gander wraps the migration in BEGIN … COMMIT itself), or put \`-- +goose NO TRANSACTION\` in the file if it must control transactions itself`,
      },
    );
    this.name = 'TransactionControlError';
    this.file = file;
    this.line = line;
  }
}

const CONTROL = /^(begin|commit|rollback|end|abort|start\s+transaction)(?![a-z0-9_$])(\s+(?:to\b|prepared\b))?/i;

/** The statement's first words after leading comments. */
function head(sql: string): string {
  let text = sql;
  for (;;) {
    text = text.trimStart();
    if (text.startsWith('--')) {
      const nl = text.indexOf('\n');
      text = nl === -1 ? '' : text.slice(nl + 1);
    } else if (text.startsWith('/*')) {
      const close = text.indexOf('*/');
      text = close === -1 ? '' : text.slice(close + 2);
    } else return text.slice(0, 40);
  }
}

function controlKeyword(statement: ParsedStatement): string | undefined {
  const match = CONTROL.exec(head(statement.sql));
  if (!match) return undefined;
  // ROLLBACK TO SAVEPOINT stays inside the transaction.
  if (match[1]!.toLowerCase() === 'rollback' && match[2] && /to/i.test(match[2])) return undefined;
  return match[1]!.toUpperCase().replace(/\s+/, ' ');
}

/** Throws TransactionControlError for the first transaction-control statement of a transactional migration. */
export function assertNoTransactionControl(parsed: ParsedMigrationSql, file: string): void {
  if (!parsed.useTx) return;
  for (const statement of [...parsed.up, ...parsed.down]) {
    const keyword = controlKeyword(statement);
    if (keyword) throw new TransactionControlError(file, statement.line, keyword);
  }
}
