import { at, concurrentlyHelp, existing } from './helpers.js';
import type { Rule } from './rule.js';

export const requireConcurrentIndexCreation: Rule = {
  id: 'require-concurrent-index-creation',
  defaultLevel: 'warning',
  docs: {
    what: '`CREATE INDEX` without `CONCURRENTLY` on a table that existed before this migration.',
    why: 'a plain CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits, for minutes on a big table.',
    fix: 'use `CREATE INDEX CONCURRENTLY IF NOT EXISTS` in its own `-- +goose NO TRANSACTION` migration (for a partitioned table: `CREATE INDEX … ON ONLY parent`, then CONCURRENTLY on each partition and `ALTER INDEX … ATTACH PARTITION`). Indexes on tables created earlier in the same migration (or in one not yet applied) are fine as they are.',
    bad: '-- +goose Up\nCREATE INDEX IF NOT EXISTS users_email ON users (email);\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if (!('IndexStmt' in node) || node.IndexStmt.concurrent === true) return;
    const table = node.IndexStmt.relation?.relname;
    if (!existing(ctx, table)) return;
    report({
      ...at(ctx),
      table,
      message: `CREATE INDEX ${node.IndexStmt.idxname ?? ''} on existing table ${table} without CONCURRENTLY blocks writes to ${table} while it builds`,
      help: concurrentlyHelp(
        ctx,
        ctx.isPartitioned(table)
          ? `${table} is partitioned and PostgreSQL cannot build its index CONCURRENTLY: CREATE INDEX … ON ONLY ${table}, then CREATE INDEX CONCURRENTLY on each partition and ALTER INDEX … ATTACH PARTITION (NO TRANSACTION migration)`
          : 'use CREATE INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration',
      ),
    });
  },
};
