import { lastName } from '../grammar/names.js';
import { alterTable, at, columnDef, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const changingColumnType: Rule = {
  id: 'changing-column-type',
  defaultLevel: 'warning',
  docs: {
    what: '`ALTER COLUMN … TYPE` on an existing table, except to `text` or unbounded `varchar` (which never rewrite).',
    why: 'most type changes rewrite the table and every index on it under an ACCESS EXCLUSIVE lock; running code that reads the column may also break.',
    fix: 'add a column of the new type, write both, backfill in batches, switch reads, then drop the old column.',
    bad: '-- +goose Up\nALTER TABLE events ALTER COLUMN id TYPE bigint;\n',
    good: '-- +goose Up\nALTER TABLE events ADD COLUMN IF NOT EXISTS id_big bigint;\n',
  },
  statement(ctx, report) {
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_AlterColumnType') continue;
      const typeName = columnDef(cmd)?.typeName;
      const name = lastName(typeName?.names);
      if (name === 'text' || (name === 'varchar' && (typeName?.typmods ?? []).length === 0)) continue;
      report({
        ...at(ctx),
        table: alter.table,
        message: `changing the type of ${alter.table}.${cmd.name ?? ''} to ${name ?? '?'} can rewrite the table under an ACCESS EXCLUSIVE lock`,
        help: 'add a new column, backfill, switch, then drop the old one',
      });
    }
  },
};
