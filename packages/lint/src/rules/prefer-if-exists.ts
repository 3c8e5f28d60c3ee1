import { droppedName } from '../grammar/names.js';
import { alterTable, at } from './helpers.js';
import type { Rule } from './rule.js';

/** DD-012: Down uses IF EXISTS where PostgreSQL has it. */
export const preferIfExists: Rule = {
  id: 'prefer-if-exists',
  defaultLevel: 'warning',
  sections: ['down'],
  docs: {
    what: 'A Down statement that drops something without `IF EXISTS` (DROP TABLE/INDEX/VIEW/FUNCTION/…, DROP COLUMN, DROP CONSTRAINT).',
    why: 'DD-012: a rollback runs after a failure, when part of Up may never have happened; a Down that fails on a missing object leaves the database half rolled back. Inside a `DO` block, a statement under an IF, a loop or an exception handler is guarded by the block and not reported.',
    fix: 'add `IF EXISTS`.',
    bad: '-- +goose Up\nCREATE TABLE IF NOT EXISTS t (id int);\n\n-- +goose Down\nDROP TABLE t;\n',
    good: '-- +goose Up\nCREATE TABLE IF NOT EXISTS t (id int);\n\n-- +goose Down\nDROP TABLE IF EXISTS t;\n',
  },
  statement(ctx, report) {
    // In a DO block, an IF (or loop, or exception handler) around the statement is how it is made re-runnable.
    if (ctx.sql.doBlock?.guarded === true) return;
    const node = ctx.sql.node;
    if ('DropStmt' in node && node.DropStmt.missing_ok !== true) {
      const kind = (node.DropStmt.removeType ?? 'OBJECT_TABLE').replace('OBJECT_', '').toLowerCase().replace(/_/g, ' ');
      const names = (node.DropStmt.objects ?? []).map(droppedName).filter((n) => n !== undefined);
      report({ ...at(ctx), message: `DROP ${kind.toUpperCase()} ${names.join(', ')} without IF EXISTS`, help: 'write DROP … IF EXISTS so the rollback survives a partly applied Up (DD-012)' });
      return;
    }
    const alter = alterTable(ctx);
    for (const cmd of alter?.cmds ?? []) {
      if ((cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint') && cmd.missing_ok !== true) {
        const what = cmd.subtype === 'AT_DropColumn' ? 'DROP COLUMN' : 'DROP CONSTRAINT';
        report({ ...at(ctx), message: `${what} ${cmd.name ?? ''} on ${alter!.table ?? ''} without IF EXISTS`, help: `write ${what} IF EXISTS so the rollback survives a partly applied Up (DD-012)` });
      }
    }
  },
};
