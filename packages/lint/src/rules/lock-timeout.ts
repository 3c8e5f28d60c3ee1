import type { AlterTableType, Node } from 'libpg-query';
import { droppedName } from '../grammar/names.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';

// ALTER TABLE forms that take a weaker lock than ACCESS EXCLUSIVE.
const WEAKER: ReadonlySet<AlterTableType> = new Set<AlterTableType>([
  'AT_ValidateConstraint',
  'AT_SetStatistics',
  'AT_SetRelOptions',
  'AT_ResetRelOptions',
  'AT_SetOptions',
  'AT_ResetOptions',
  'AT_ClusterOn',
  'AT_DropCluster',
  'AT_EnableTrig',
  'AT_DisableTrig',
  'AT_EnableTrigAll',
  'AT_DisableTrigAll',
  'AT_EnableTrigUser',
  'AT_DisableTrigUser',
  'AT_AttachPartition',
  'AT_DetachPartitionFinalize',
]);

/** The existing table a statement waits for an ACCESS EXCLUSIVE lock on, if any. */
function accessExclusiveTable(node: Node, isNew: (name: string) => boolean, tableOfIndex: (index: string) => string | undefined): string | undefined {
  const existing = (name: string | undefined) => (name !== undefined && !isNew(name) ? name : undefined);
  if ('AlterTableStmt' in node) {
    const cmds = (node.AlterTableStmt.cmds ?? []).flatMap((c) => ('AlterTableCmd' in c ? [c.AlterTableCmd] : []));
    const strong = cmds.some((cmd) => {
      if (cmd.subtype === undefined || WEAKER.has(cmd.subtype)) return false;
      // A foreign key takes SHARE ROW EXCLUSIVE.
      return !(cmd.subtype === 'AT_AddConstraint' && cmd.def !== undefined && 'Constraint' in cmd.def && cmd.def.Constraint.contype === 'CONSTR_FOREIGN');
    });
    return strong ? existing(node.AlterTableStmt.relation?.relname) : undefined;
  }
  if ('RenameStmt' in node) return existing(node.RenameStmt.relation?.relname);
  if ('DropStmt' in node && node.DropStmt.removeType === 'OBJECT_TABLE') {
    return (node.DropStmt.objects ?? []).map(droppedName).find((n) => existing(n) !== undefined);
  }
  if ('DropStmt' in node && node.DropStmt.removeType === 'OBJECT_INDEX' && node.DropStmt.concurrent !== true) {
    const index = (node.DropStmt.objects ?? []).map(droppedName).find((n) => existing(n) !== undefined);
    return index === undefined ? undefined : (tableOfIndex(index) ?? `the table of index ${index}`);
  }
  if ('TruncateStmt' in node) {
    return (node.TruncateStmt.relations ?? []).flatMap((r) => ('RangeVar' in r && r.RangeVar.relname !== undefined ? [r.RangeVar.relname] : [])).find((n) => existing(n) !== undefined);
  }
  if ('ClusterStmt' in node) return existing(node.ClusterStmt.relation?.relname);
  if ('LockStmt' in node && (node.LockStmt.mode ?? 8) === 8) {
    return (node.LockStmt.relations ?? []).flatMap((r) => ('RangeVar' in r && r.RangeVar.relname !== undefined ? [r.RangeVar.relname] : [])).find((n) => existing(n) !== undefined);
  }
  return undefined;
}

export const lockTimeout: Rule = {
  id: 'lock-timeout',
  defaultLevel: 'warning',
  docs: {
    what: 'A statement that waits for an ACCESS EXCLUSIVE lock on an existing table (most ALTER TABLE, DROP, RENAME, TRUNCATE) with no `SET lock_timeout` before it in the section. Reported once per section, at the first such statement.',
    why: 'while the statement waits for its lock (behind one long query or an idle transaction), every other query on the table queues behind it: a migration that would take a millisecond takes the service down.',
    fix: "start the section with `SET lock_timeout = '5s';` (in a transaction, `SET LOCAL`), and retry the deploy if it times out.",
    bad: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n',
    good: "-- +goose Up\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n",
  },
  statement(ctx, report) {
    if (ctx.lockTimeoutSet || ctx.sectionMemory.has('lock-timeout')) return;
    const table = accessExclusiveTable(ctx.sql.node, ctx.isNew, ctx.tableOfIndex);
    if (table === undefined) return;
    ctx.sectionMemory.add('lock-timeout');
    report({
      ...at(ctx),
      table,
      message: `waits for an ACCESS EXCLUSIVE lock on ${table} with no lock_timeout set: while it waits, every query on ${table} queues behind it`,
      help: "put `SET LOCAL lock_timeout = '5s';` (or SET without a transaction) at the start of the section",
    });
  },
};
