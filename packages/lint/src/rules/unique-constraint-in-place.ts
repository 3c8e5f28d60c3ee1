import { alterTable, at, constraintOf, existing } from './helpers.js';
import type { Rule } from './rule.js';

const KIND: Record<string, string> = { CONSTR_UNIQUE: 'UNIQUE', CONSTR_EXCLUSION: 'EXCLUDE', CONSTR_PRIMARY: 'PRIMARY KEY' };

export const uniqueConstraintInPlace: Rule = {
  id: 'unique-constraint-in-place',
  defaultLevel: 'warning',
  docs: {
    what: 'ADD CONSTRAINT … UNIQUE, PRIMARY KEY or EXCLUDE on an existing table, building its index in place.',
    why: 'the index is built while the table is locked against writes (ACCESS EXCLUSIVE for the ALTER), for as long as the build takes.',
    fix: 'build the index first with `CREATE UNIQUE INDEX CONCURRENTLY` (NO TRANSACTION migration), then `ADD CONSTRAINT … UNIQUE USING INDEX` (instant). EXCLUDE constraints have no such path: schedule them.',
    bad: '-- +goose Up\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n',
    good: '-- +goose Up\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;\n',
  },
  statement(ctx, report) {
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      const c = cmd.subtype === 'AT_AddConstraint' ? constraintOf(cmd) : undefined;
      const kind = c?.contype === undefined ? undefined : KIND[c.contype];
      if (c === undefined || kind === undefined || c.indexname !== undefined) continue;
      report({
        ...at(ctx),
        table: alter.table,
        message: `${kind} constraint ${c.conname ?? ''} on ${alter.table} builds its index while writes are blocked`,
        help: kind === 'EXCLUDE' ? 'run it in a maintenance window' : 'CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX',
      });
    }
  },
};
