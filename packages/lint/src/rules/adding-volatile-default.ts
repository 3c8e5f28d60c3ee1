import type { Node } from 'libpg-query';
import { lastName } from '../grammar/names.js';
import { at, columnsAddedToExisting, constraints } from './helpers.js';
import type { Rule } from './rule.js';

// Functions PostgreSQL evaluates once for ADD COLUMN … DEFAULT (stable or immutable): no rewrite since PostgreSQL 11.
const NOT_VOLATILE = new Set(['now', 'transaction_timestamp', 'statement_timestamp', 'current_setting', 'lower', 'upper', 'coalesce', 'to_jsonb', 'jsonb_build_object', 'json_build_object', 'jsonb_build_array', 'array_fill', 'make_interval', 'to_timestamp', 'date_trunc']);

/** The first function call in the default that may be volatile (a user function is VOLATILE unless declared otherwise). */
function volatileCall(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if ('FuncCall' in node) {
    const name = lastName(node.FuncCall.funcname);
    if (name !== undefined && !NOT_VOLATILE.has(name)) return name;
    for (const arg of node.FuncCall.args ?? []) {
      const inner = volatileCall(arg);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if ('TypeCast' in node) return volatileCall(node.TypeCast.arg);
  return undefined;
}

export const addingVolatileDefault: Rule = {
  id: 'adding-volatile-default',
  defaultLevel: 'warning',
  docs: {
    what: 'ADD COLUMN with a volatile default (`gen_random_uuid()`, `random()`, `clock_timestamp()`, a user function) or a stored generated column, on an existing table.',
    why: 'a constant or stable default is stored once (PostgreSQL 11+); a volatile one makes PostgreSQL rewrite every row under an ACCESS EXCLUSIVE lock: the table is unavailable for the whole rewrite.',
    fix: 'add the column without a default (or with a constant), set the default with a separate ALTER COLUMN … SET DEFAULT, and backfill existing rows in batches.',
    bad: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();\n',
    good: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();\n',
  },
  statement(ctx, report) {
    for (const { table, column } of columnsAddedToExisting(ctx)) {
      for (const c of constraints(column)) {
        const fn = c.contype === 'CONSTR_DEFAULT' ? volatileCall(c.raw_expr) : undefined;
        const generated = c.contype === 'CONSTR_GENERATED';
        if (fn === undefined && !generated) continue;
        report({
          ...at(ctx),
          table,
          message: generated
            ? `ADD COLUMN ${column.colname ?? ''} GENERATED … STORED rewrites all of ${table} under an ACCESS EXCLUSIVE lock`
            : `ADD COLUMN ${column.colname ?? ''} with volatile default ${fn}() rewrites all of ${table} under an ACCESS EXCLUSIVE lock`,
          help: 'add the column without the default, then SET DEFAULT and backfill in batches',
        });
      }
    }
  },
};
