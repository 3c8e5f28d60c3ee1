import type { MigrationSql } from '../state/migration-sql.js';
import { errorLines } from './error-lines.js';
import { blank, line, type Line } from './lines.js';
import { plural } from './plural.js';
import { statementLines } from './statement-lines.js';

export function sqlTitle(sql: MigrationSql): string {
  return `Statements of ${sql.file ?? `version ${sql.version}`}`;
}

/** The selected migration's Up then Down statements, as core's parser splits them. */
export function sqlLines(sql: MigrationSql, width: number): Line[] {
  if (!sql.ok) return errorLines(sql.error, width);
  return [
    line(sql.useTx ? 'Runs in one transaction per direction.' : 'NO TRANSACTION: each statement commits on its own.', 'muted'),
    blank,
    line(`-- +goose Up (${plural(sql.up.length, 'statement')})`, 'title'),
    ...statementLines(sql.up),
    blank,
    line(`-- +goose Down (${plural(sql.down.length, 'statement')})`, 'title'),
    ...statementLines(sql.down),
  ];
}
