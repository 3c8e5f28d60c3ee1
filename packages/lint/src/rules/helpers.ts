import type { AlterTableCmd, ColumnDef, Constraint, Node } from 'libpg-query';
import type { StatementContext } from './rule.js';

/** Where the SQL statement starts in the file. */
export function at(ctx: StatementContext): { line: number; column: number } {
  return { line: ctx.sql.line, column: ctx.sql.column };
}

/** The ALTER TABLE's table and its commands, when the statement is one. */
// Most rules look at ALTER TABLE: unpack each statement once, not once per rule. The rules see one
// statement after the other, so remembering the last one is enough (a WeakMap cost more than it saved).
let lastSql: object | undefined;
let lastAlter: { table: string | undefined; cmds: AlterTableCmd[] } | undefined;

export function alterTable(ctx: StatementContext): { table: string | undefined; cmds: AlterTableCmd[] } | undefined {
  if (ctx.sql !== lastSql) {
    lastAlter = 'AlterTableStmt' in ctx.sql.node ? unpackAlterTable(ctx) : undefined;
    lastSql = ctx.sql;
  }
  return lastAlter;
}

function unpackAlterTable(ctx: StatementContext): { table: string | undefined; cmds: AlterTableCmd[] } | undefined {
  const node = ctx.sql.node;
  if (!('AlterTableStmt' in node)) return undefined;
  const stmt = node.AlterTableStmt;
  if (stmt.objtype !== 'OBJECT_TABLE' && stmt.objtype !== undefined) return undefined;
  const cmds = (stmt.cmds ?? []).flatMap((c) => ('AlterTableCmd' in c ? [c.AlterTableCmd] : []));
  return { table: stmt.relation?.relname, cmds };
}

export function columnDef(cmd: AlterTableCmd): ColumnDef | undefined {
  return cmd.def !== undefined && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
}

export function constraintOf(cmd: AlterTableCmd): Constraint | undefined {
  return cmd.def !== undefined && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
}

export function constraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c: Node) => ('Constraint' in c ? [c.Constraint] : []));
}

/** A table the statement touches that existed before this migration (lock rules apply). */
export function existing(ctx: StatementContext, table: string | undefined): table is string {
  return table !== undefined && !ctx.isNew(table);
}

/** The columns an ALTER TABLE … ADD COLUMN adds to a table that existed before this migration, with that table. */
export function columnsAddedToExisting(ctx: StatementContext): { table: string; column: ColumnDef }[] {
  const alter = alterTable(ctx);
  if (alter === undefined || !existing(ctx, alter.table)) return [];
  const table = alter.table;
  return alter.cmds.flatMap((cmd) => {
    const column = cmd.subtype === 'AT_AddColumn' ? columnDef(cmd) : undefined;
    return column === undefined ? [] : [{ table, column }];
  });
}

export function quoted(name: string | undefined): string {
  return name === undefined ? '?' : name;
}

/** CONCURRENTLY cannot run inside a function: for a statement in a DO block, the fix starts with moving it out. */
export function concurrentlyHelp(ctx: StatementContext, help: string): string {
  return ctx.sql.doBlock === undefined ? help : `move it out of the DO block (CONCURRENTLY cannot run inside one), then ${help}`;
}
