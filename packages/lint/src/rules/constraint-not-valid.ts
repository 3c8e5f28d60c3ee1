import { alterTable, at, constraintOf, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const constraintNotValid: Rule = {
  id: 'constraint-not-valid',
  defaultLevel: 'warning',
  docs: {
    what: 'ADD CONSTRAINT … FOREIGN KEY or CHECK without `NOT VALID` on an existing table.',
    why: 'PostgreSQL checks every existing row while holding the lock (a FOREIGN KEY also locks the referenced table): writes wait for the whole scan.',
    fix: 'add the constraint `NOT VALID` (checked for new rows only, instant), then `ALTER TABLE … VALIDATE CONSTRAINT` in a later migration, which takes a weaker lock.',
    bad: '-- +goose Up\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n',
    good: '-- +goose Up\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n',
  },
  statement(ctx, report) {
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      const c = cmd.subtype === 'AT_AddConstraint' ? constraintOf(cmd) : undefined;
      if (c === undefined || (c.contype !== 'CONSTR_FOREIGN' && c.contype !== 'CONSTR_CHECK') || c.skip_validation === true) continue;
      const kind = c.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
      report({
        ...at(ctx),
        table: alter.table,
        message: `${kind} constraint ${c.conname ?? ''} on ${alter.table} without NOT VALID checks every row while blocking writes`,
        help: 'add it NOT VALID, then VALIDATE CONSTRAINT in a later migration',
      });
    }
  },
};
