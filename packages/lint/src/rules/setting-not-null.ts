import { alterTable, at, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const settingNotNull: Rule = {
  id: 'setting-not-null',
  defaultLevel: 'warning',
  docs: {
    what: '`ALTER COLUMN … SET NOT NULL` on an existing table.',
    why: 'PostgreSQL scans the whole table to check for NULLs while holding an ACCESS EXCLUSIVE lock: no reads or writes for the length of the scan.',
    fix: 'add `CHECK (col IS NOT NULL) NOT VALID`, then `VALIDATE CONSTRAINT` (a weaker lock) in a later migration; SET NOT NULL then uses the valid constraint and skips the scan (PostgreSQL 12+), after which the CHECK can go.',
    bad: '-- +goose Up\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n',
    good: '-- +goose Up\nALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\n',
  },
  statement(ctx, report) {
    const alter = alterTable(ctx);
    if (alter === undefined || !existing(ctx, alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_SetNotNull') continue;
      report({
        ...at(ctx),
        table: alter.table,
        message: `SET NOT NULL on ${alter.table}.${cmd.name ?? ''} scans the whole table under an ACCESS EXCLUSIVE lock`,
        help: 'add CHECK (… IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL',
      });
    }
  },
};
