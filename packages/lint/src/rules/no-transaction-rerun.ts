import type { Node } from 'libpg-query';
import { alterTable, at } from './helpers.js';
import type { Rule } from './rule.js';

/** Why running the statement a second time would fail or do the work twice, or undefined when it is safe. */
function notRerunnable(node: Node): string | undefined {
  if ('CreateStmt' in node) return node.CreateStmt.if_not_exists === true ? undefined : 'CREATE TABLE without IF NOT EXISTS';
  if ('IndexStmt' in node) return node.IndexStmt.if_not_exists === true ? undefined : 'CREATE INDEX without IF NOT EXISTS';
  if ('CreateSchemaStmt' in node) return node.CreateSchemaStmt.if_not_exists === true ? undefined : 'CREATE SCHEMA without IF NOT EXISTS';
  if ('CreateSeqStmt' in node) return node.CreateSeqStmt.if_not_exists === true ? undefined : 'CREATE SEQUENCE without IF NOT EXISTS';
  if ('CreateExtensionStmt' in node) return node.CreateExtensionStmt.if_not_exists === true ? undefined : 'CREATE EXTENSION without IF NOT EXISTS';
  if ('CreateTableAsStmt' in node) return node.CreateTableAsStmt.if_not_exists === true ? undefined : 'CREATE … AS without IF NOT EXISTS';
  if ('DropStmt' in node) return node.DropStmt.missing_ok === true ? undefined : 'DROP without IF EXISTS';
  if ('CreateFunctionStmt' in node) return node.CreateFunctionStmt.replace === true ? undefined : 'CREATE FUNCTION without OR REPLACE';
  if ('ViewStmt' in node) return node.ViewStmt.replace === true ? undefined : 'CREATE VIEW without OR REPLACE';
  if ('CreateTrigStmt' in node) return node.CreateTrigStmt.replace === true ? undefined : 'CREATE TRIGGER without OR REPLACE';
  if ('RenameStmt' in node) return node.RenameStmt.missing_ok === true ? undefined : 'RENAME (fails once the old name is gone)';
  if ('InsertStmt' in node) return node.InsertStmt.onConflictClause === undefined ? 'INSERT without ON CONFLICT (inserts twice)' : undefined;
  if ('CompositeTypeStmt' in node || 'CreateEnumStmt' in node || 'CreateDomainStmt' in node) return 'CREATE TYPE/DOMAIN (PostgreSQL has no IF NOT EXISTS for it)';
  return undefined;
}

/** In a NO TRANSACTION migration, a failure leaves what ran applied; goose re-runs the file from the top. */
export const noTransactionRerun: Rule = {
  id: 'no-transaction-rerun',
  defaultLevel: 'warning',
  sections: ['up', 'down'],
  docs: {
    what: 'A statement in a `-- +goose NO TRANSACTION` migration that fails or does its work twice when run a second time.',
    why: 'without a transaction, a failure halfway leaves the first statements applied while goose records nothing; the fix is to run the file again, from the top, so every statement must be safe to repeat. Inside a `DO` block, a statement under an IF, a loop or an exception handler is guarded by the block and not reported.',
    fix: 'use `IF NOT EXISTS` / `IF EXISTS` / `OR REPLACE` / `ON CONFLICT DO NOTHING`; move what cannot be repeated to a transactional migration.',
    bad: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);\n',
  },
  statement(ctx, report) {
    // In a DO block, an IF (or loop, or exception handler) around the statement is how it is made re-runnable.
    if (ctx.sql.doBlock?.guarded === true) return;
    if (ctx.file.useTx) return;
    const why = notRerunnable(ctx.sql.node);
    const alter = alterTable(ctx);
    const cmdWhy = alter?.cmds
      .map((cmd) => {
        if (cmd.subtype === 'AT_AddColumn' && cmd.missing_ok !== true) return 'ADD COLUMN without IF NOT EXISTS';
        if ((cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint') && cmd.missing_ok !== true) return `${cmd.subtype === 'AT_DropColumn' ? 'DROP COLUMN' : 'DROP CONSTRAINT'} without IF EXISTS`;
        if (cmd.subtype === 'AT_AddConstraint') return 'ADD CONSTRAINT (PostgreSQL has no IF NOT EXISTS for it)';
        return undefined;
      })
      .find((w) => w !== undefined);
    const reason = why ?? cmdWhy;
    if (reason === undefined) return;
    report({
      ...at(ctx),
      message: `${reason}: this NO TRANSACTION migration cannot be safely re-run after a partial failure`,
      help: 'make the statement repeatable (IF NOT EXISTS / IF EXISTS / OR REPLACE / ON CONFLICT), or move it to a transactional migration',
    });
  },
};
