import { at, concurrentlyHelp } from './helpers.js';
import type { Rule } from './rule.js';

export const reindexConcurrently: Rule = {
  id: 'reindex-concurrently',
  defaultLevel: 'warning',
  docs: {
    what: '`REINDEX` without `CONCURRENTLY`.',
    why: 'a plain REINDEX blocks writes to the table and locks the index against reads for the whole rebuild.',
    fix: 'use `REINDEX … CONCURRENTLY` (PostgreSQL 12+) in a `-- +goose NO TRANSACTION` migration.',
    bad: '-- +goose NO TRANSACTION\n-- +goose Up\nREINDEX INDEX users_email;\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nREINDEX INDEX CONCURRENTLY users_email;\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if (!('ReindexStmt' in node)) return;
    const params = (node.ReindexStmt.params ?? []).flatMap((o) => ('DefElem' in o && o.DefElem.defname !== undefined ? [o.DefElem.defname.toLowerCase()] : []));
    if (params.includes('concurrently')) return;
    const target = node.ReindexStmt.relation?.relname ?? node.ReindexStmt.name ?? '';
    if (target !== '' && ctx.isNew(target)) return;
    report({ ...at(ctx), message: `REINDEX ${target} without CONCURRENTLY blocks writes while it rebuilds`, help: concurrentlyHelp(ctx, 'use REINDEX … CONCURRENTLY in a `-- +goose NO TRANSACTION` migration') });
  },
};
