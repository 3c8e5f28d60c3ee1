import { droppedName } from '../grammar/names.js';
import { at, concurrentlyHelp } from './helpers.js';
import type { Rule } from './rule.js';

export const requireConcurrentIndexDeletion: Rule = {
  id: 'require-concurrent-index-deletion',
  defaultLevel: 'warning',
  docs: {
    what: '`DROP INDEX` without `CONCURRENTLY` of an index that existed before this migration.',
    why: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes queue behind it, and behind any long query it waits for.",
    fix: 'use `DROP INDEX CONCURRENTLY IF EXISTS` in a `-- +goose NO TRANSACTION` migration.',
    bad: '-- +goose Up\nDROP INDEX IF EXISTS users_email;\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nDROP INDEX CONCURRENTLY IF EXISTS users_email;\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_INDEX' || node.DropStmt.concurrent === true) return;
    const names = (node.DropStmt.objects ?? []).map(droppedName).filter((n): n is string => n !== undefined && !ctx.isNew(n));
    if (names.length === 0) return;
    const table = ctx.tableOfIndex(names[0]!);
    report({
      ...at(ctx),
      ...(table === undefined ? {} : { table }),
      message: `DROP INDEX ${names.join(', ')} without CONCURRENTLY locks ${table ?? 'its table'} against reads and writes`,
      help: concurrentlyHelp(ctx, 'use DROP INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration'),
    });
  },
};
