import { at, columnsAddedToExisting, constraints } from './helpers.js';
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
    for (const { table, column } of columnsAddedToExisting(ctx)) {
      const kinds = constraints(column).map((c) => c.contype);
      const filled = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
      const required = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
      if (!required || filled) continue;
      report({
        ...at(ctx),
        table,
        message: `ADD COLUMN ${column.colname ?? ''} NOT NULL without DEFAULT fails on ${table} as soon as it has rows`,
        help: 'give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL',
      });
    }
  },
};
