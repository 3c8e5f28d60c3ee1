import type { Node } from 'libpg-query';
import { at } from './helpers.js';
import type { Rule } from './rule.js';

function options(list: readonly Node[] | undefined): string[] {
  return (list ?? []).flatMap((o) => ('DefElem' in o && o.DefElem.defname !== undefined ? [o.DefElem.defname.toLowerCase()] : []));
}

export const vacuumFullCluster: Rule = {
  id: 'vacuum-full-cluster',
  defaultLevel: 'warning',
  docs: {
    what: '`VACUUM FULL` or `CLUSTER` in a migration.',
    why: 'both rewrite the whole table under an ACCESS EXCLUSIVE lock: the table is unavailable for minutes to hours, and a deploy is the wrong time to find out how long.',
    fix: 'run them as planned maintenance, or use pg_repack; a migration should not contain them.',
    bad: '-- +goose NO TRANSACTION\n-- +goose Up\nVACUUM FULL events;\n',
    good: '-- +goose NO TRANSACTION\n-- +goose Up\nVACUUM (ANALYZE) events;\n',
  },
  statement(ctx, report) {
    const node = ctx.sql.node;
    if ('ClusterStmt' in node) {
      const table = node.ClusterStmt.relation?.relname;
      report({ ...at(ctx), ...(table === undefined ? {} : { table }), message: `CLUSTER ${table ?? ''} rewrites the table under an ACCESS EXCLUSIVE lock`, help: 'run it as planned maintenance (or pg_repack), not in a migration' });
      return;
    }
    if ('VacuumStmt' in node && options(node.VacuumStmt.options).includes('full')) {
      const tables = (node.VacuumStmt.rels ?? []).flatMap((r) => ('VacuumRelation' in r && r.VacuumRelation.relation?.relname !== undefined ? [r.VacuumRelation.relation.relname] : []));
      report({
        ...at(ctx),
        ...(tables[0] === undefined ? {} : { table: tables[0] }),
        message: `VACUUM FULL ${tables.join(', ')} rewrites the table under an ACCESS EXCLUSIVE lock`,
        help: 'use plain VACUUM, or run VACUUM FULL / pg_repack as planned maintenance',
      });
    }
  },
};
