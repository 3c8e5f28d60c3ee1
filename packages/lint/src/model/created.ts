import type { SelectStmt } from 'libpg-query';
import type { PlacedStatement } from './types.js';

/** Relations (tables, indexes, views, sequences) a statement creates: later statements may lock them freely. */
export function createdRelations(sql: PlacedStatement): string[] {
  const node = sql.node;
  if ('CreateStmt' in node) return named(node.CreateStmt.relation?.relname);
  if ('CreateTableAsStmt' in node) return named(node.CreateTableAsStmt.into?.rel?.relname);
  if ('IndexStmt' in node) return named(node.IndexStmt.idxname);
  if ('CreateSeqStmt' in node) return named(node.CreateSeqStmt.sequence?.relname);
  if ('ViewStmt' in node) return named(node.ViewStmt.view?.relname);
  if ('SelectStmt' in node) return named(node.SelectStmt.intoClause?.rel?.relname);
  return [];
}

function named(name: string | undefined): string[] {
  return name === undefined ? [] : [name];
}

/** `SET lock_timeout …`, `SET LOCAL lock_timeout …` or `SELECT set_config('lock_timeout', …)`. */
export function setsLockTimeout(sql: PlacedStatement): boolean {
  const node = sql.node;
  if ('VariableSetStmt' in node) return node.VariableSetStmt.name === 'lock_timeout' && node.VariableSetStmt.kind === 'VAR_SET_VALUE';
  if ('SelectStmt' in node) return hasSetConfig(node.SelectStmt);
  return false;
}

/** `SELECT set_config('lock_timeout', …)` as a target of the SELECT. */
function hasSetConfig(select: SelectStmt): boolean {
  return (select.targetList ?? []).some((target) => {
    const value = 'ResTarget' in target ? target.ResTarget.val : undefined;
    if (value === undefined || !('FuncCall' in value)) return false;
    const name = value.FuncCall.funcname?.at(-1);
    const first = value.FuncCall.args?.[0];
    return (
      name !== undefined && 'String' in name && name.String.sval === 'set_config' &&
      first !== undefined && 'A_Const' in first && first.A_Const.sval?.sval === 'lock_timeout'
    );
  });
}
