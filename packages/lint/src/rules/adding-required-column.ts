import { alterTable, at, columnDef, constraints, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const addingRequiredColumn: Rule = {
  id: 'adding-required-column',
  defaultLevel: 'error',
  docs: {
    what: 'ADD COLUMN … NOT NULL without a DEFAULT on an existing table.',
    why: 'PostgreSQL has nothing to put in the existing rows: the migration fails on any table with rows, which is usually production and not the empty test database.',
    fix: 'add the column with a DEFAULT, or nullable first, backfill, then make it NOT NULL.',
    bad: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS tier text NOT NULL;\n',
    good: "-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS tier text NOT NULL DEFAULT 'free';\n",
  },
  statement(ctx, report) {
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const column = columnDef(cmd);
      if (column === undefined) continue;
      const kinds = constraints(column).map((c) => c.contype);
      const filled = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
      const required = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
      if (!required || filled) continue;
      report({
        ...at(ctx),
        table: alter.table,
        message: `ADD COLUMN ${column.colname ?? ''} NOT NULL without DEFAULT fails on ${alter.table} as soon as it has rows`,
        help: 'give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL',
      });
    }
  },
};
