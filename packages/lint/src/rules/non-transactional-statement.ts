import type { Node } from 'libpg-query';
import { at } from './helpers.js';
import type { Rule } from './rule.js';

function defNames(options: readonly Node[] | undefined): string[] {
  return (options ?? []).flatMap((o) => ('DefElem' in o && o.DefElem.defname !== undefined ? [o.DefElem.defname.toLowerCase()] : []));
}

/** What PostgreSQL refuses inside a transaction block, by statement. */
function refusedInTransaction(node: Node): string | undefined {
  if ('IndexStmt' in node && node.IndexStmt.concurrent === true) return 'CREATE INDEX CONCURRENTLY';
  if ('DropStmt' in node && node.DropStmt.concurrent === true) return 'DROP INDEX CONCURRENTLY';
  if ('ReindexStmt' in node && defNames(node.ReindexStmt.params).includes('concurrently')) return 'REINDEX CONCURRENTLY';
  if ('VacuumStmt' in node && node.VacuumStmt.is_vacuumcmd === true) return 'VACUUM';
  if ('CreatedbStmt' in node) return 'CREATE DATABASE';
  if ('DropdbStmt' in node) return 'DROP DATABASE';
  if ('AlterSystemStmt' in node) return 'ALTER SYSTEM';
  if ('CreateTableSpaceStmt' in node) return 'CREATE TABLESPACE';
  if ('AlterEnumStmt' in node && node.AlterEnumStmt.newVal !== undefined && node.AlterEnumStmt.oldVal === undefined) return 'ALTER TYPE … ADD VALUE';
  return undefined;
}

/** Statements that cannot run in the transaction goose wraps a migration in. */
export const nonTransactionalStatement: Rule = {
  id: 'non-transactional-statement',
  defaultLevel: 'error',
  sections: ['up', 'down'],
  docs: {
    what: '`CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX CONCURRENTLY`, `VACUUM`, `CREATE/DROP DATABASE`, `ALTER SYSTEM` or `ALTER TYPE … ADD VALUE` in a migration that runs in a transaction (no `-- +goose NO TRANSACTION`); and any of these but `ADD VALUE` inside a `DO` block, in any migration.',
    why: 'PostgreSQL refuses these inside a transaction block ("cannot run inside a transaction block"): the migration fails at deploy time, not in review. `ADD VALUE` runs in a transaction since PostgreSQL 12, but the new value cannot be used before it commits. A `DO` block runs as a function, in a transaction of its own, so they fail there even with NO TRANSACTION.',
    fix: 'move the statement to its own migration with `-- +goose NO TRANSACTION`, written so it can be re-run (`IF NOT EXISTS` / `IF EXISTS`).',
    bad: '-- +goose Up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);\n',
  },
  statement(ctx, report) {
    const what = refusedInTransaction(ctx.sql.node);
    if (what === undefined) return;
    // A DO block runs as a function: CONCURRENTLY and VACUUM fail there even in a NO TRANSACTION migration.
    if (ctx.sql.doBlock !== undefined && what !== 'ALTER TYPE … ADD VALUE') {
      report({
        ...at(ctx),
        message: `${what} cannot run inside a DO block (PostgreSQL runs the block as a function, in a transaction)`,
        help: 'move it out of the DO block, to its own migration with `-- +goose NO TRANSACTION` (written to be re-runnable)',
      });
      return;
    }
    if (!ctx.file.useTx) return;
    report({
      ...at(ctx),
      message:
        what === 'ALTER TYPE … ADD VALUE'
          ? 'ALTER TYPE … ADD VALUE in a transactional migration: the new value cannot be used until the transaction commits (and fails before PostgreSQL 12)'
          : `${what} cannot run inside a transaction block, and this migration runs in one`,
      help: 'move it to its own migration with `-- +goose NO TRANSACTION` (written to be re-runnable)',
    });
  },
};
