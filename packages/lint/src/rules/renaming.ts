import { at } from './helpers.js';
import type { Rule } from './rule.js';

export const renaming: Rule = {
  id: 'renaming',
  defaultLevel: 'warning',
  docs: {
    what: 'RENAME of a column or table that existed before this migration.',
    why: 'the rename is instant, but every running instance of the application still uses the old name and fails until it is redeployed: a rename cannot be rolled out without downtime.',
    fix: 'expand and contract: add the new name (a column, or a view for a table), write both, move readers, then remove the old name in a later release; or suppress with the reason when no running code uses the old name.',
    bad: '-- +goose Up\nALTER TABLE users RENAME COLUMN name TO full_name;\n',
    good: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS full_name text;\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if (!('RenameStmt' in node)) return;
    const stmt = node.RenameStmt;
    const table = stmt.relation?.relname;
    if (table === undefined || ctx.isNew(table)) return;
    if (stmt.renameType === 'OBJECT_COLUMN') {
      report({ ...at(ctx), table, message: `renaming column ${table}.${stmt.subname ?? ''} to ${stmt.newname ?? ''} breaks running code that uses the old name`, help: 'add the new column, backfill, switch readers, drop the old one later' });
    } else if (stmt.renameType === 'OBJECT_TABLE') {
      report({ ...at(ctx), table, message: `renaming table ${table} to ${stmt.newname ?? ''} breaks running code that uses the old name`, help: 'create the new table (or a view under one of the names), switch readers, drop the old name later' });
    }
  },
};
