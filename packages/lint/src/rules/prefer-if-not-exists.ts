import { alterTable, at } from './helpers.js';
import type { Rule } from './rule.js';

/** The CREATE forms where PostgreSQL has IF NOT EXISTS, and what they create. */
function missingIfNotExists(node: import('libpg-query').Node): string | undefined {
  if ('CreateStmt' in node) return node.CreateStmt.if_not_exists === true ? undefined : `CREATE TABLE ${node.CreateStmt.relation?.relname ?? ''}`;
  if ('IndexStmt' in node) return node.IndexStmt.if_not_exists === true || node.IndexStmt.idxname === undefined ? undefined : `CREATE INDEX ${node.IndexStmt.idxname}`;
  if ('CreateSchemaStmt' in node) return node.CreateSchemaStmt.if_not_exists === true ? undefined : `CREATE SCHEMA ${node.CreateSchemaStmt.schemaname ?? ''}`;
  if ('CreateSeqStmt' in node) return node.CreateSeqStmt.if_not_exists === true ? undefined : `CREATE SEQUENCE ${node.CreateSeqStmt.sequence?.relname ?? ''}`;
  if ('CreateExtensionStmt' in node) return node.CreateExtensionStmt.if_not_exists === true ? undefined : `CREATE EXTENSION ${node.CreateExtensionStmt.extname ?? ''}`;
  if ('CreateTableAsStmt' in node) return node.CreateTableAsStmt.if_not_exists === true ? undefined : `CREATE … AS ${node.CreateTableAsStmt.into?.rel?.relname ?? ''}`;
  return undefined;
}

/** DD-012: Up uses IF NOT EXISTS where PostgreSQL has it. */
export const preferIfNotExists: Rule = {
  id: 'prefer-if-not-exists',
  defaultLevel: 'warning',
  sections: ['up'],
  docs: {
    what: 'An Up statement that creates a table, index, schema, sequence, extension or column without `IF NOT EXISTS`, where PostgreSQL has it.',
    why: 'DD-012: Up must be safe to re-run after a partial failure (always possible with NO TRANSACTION, and when an object was created by hand first). Inside a `DO` block, a statement under an IF, a loop or an exception handler is guarded by the block and not reported.',
    fix: 'add `IF NOT EXISTS` (`CREATE TABLE IF NOT EXISTS`, `ADD COLUMN IF NOT EXISTS`, `CREATE INDEX IF NOT EXISTS`).',
    bad: '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY);\n',
    good: '-- +goose Up\nCREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);\n',
  },
  statement(ctx, report) {
    // In a DO block, an IF (or loop, or exception handler) around the statement is how it is made re-runnable.
    if (ctx.sql.doBlock?.guarded === true) return;
    const what = missingIfNotExists(ctx.sql.node);
    if (what !== undefined) {
      report({ ...at(ctx), message: `${what.trim()} without IF NOT EXISTS`, help: 'add IF NOT EXISTS so Up can be re-run (DD-012)' });
      return;
    }
    const alter = alterTable(ctx);
    for (const cmd of alter?.cmds ?? []) {
      if (cmd.subtype === 'AT_AddColumn' && cmd.missing_ok !== true) {
        const column = cmd.def !== undefined && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef.colname : undefined;
        report({ ...at(ctx), message: `ADD COLUMN ${column ?? ''} to ${alter!.table ?? ''} without IF NOT EXISTS`, help: 'write ADD COLUMN IF NOT EXISTS so Up can be re-run (DD-012)' });
      }
    }
  },
};
