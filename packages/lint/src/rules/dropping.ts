import { droppedName } from '../grammar/names.js';
import { alterTable, at, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const dropping: Rule = {
  id: 'dropping',
  defaultLevel: 'warning',
  docs: {
    what: 'DROP TABLE or DROP COLUMN in Up, of a table or column that existed before this migration.',
    why: 'the data is gone for good (Down cannot bring it back), and running code that still reads the table or column fails at once.',
    fix: 'stop using the column or table in a release first, keep a backup, then drop it; suppress with the reason once that is done.',
    bad: '-- +goose Up\nALTER TABLE users DROP COLUMN IF EXISTS legacy_flags;\n',
    good: '-- +goose Up\n-- gander-lint-ignore dropping -- unused since release 4.2, backed up in archive.users_legacy\nALTER TABLE users DROP COLUMN IF EXISTS legacy_flags;\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if ('DropStmt' in node && (node.DropStmt.removeType ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
      const names = (node.DropStmt.objects ?? []).map(droppedName).filter((n): n is string => n !== undefined && !ctx.isNew(n));
      if (names.length > 0) {
        report({ ...at(ctx), message: `DROP TABLE ${names.join(', ')} deletes its data for good; running code that reads it fails`, help: 'drop only after no code uses it, with a backup' });
      }
      return;
    }
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_DropColumn') continue;
      report({ ...at(ctx), table: alter.table, message: `DROP COLUMN ${alter.table}.${cmd.name ?? ''} deletes its data for good; running code that reads it fails`, help: 'drop only after no code uses it, with a backup' });
    }
  },
};
