import type { Node, ObjectType } from 'libpg-query';
import { droppedName, lastName } from '../grammar/names.js';
import { nodeBody } from '../grammar/pg-grammar.js';
import type { GooseStatement, PlacedStatement } from '../model/types.js';
import type { Rule } from './rule.js';

/** An object Up creates or Down removes, as far as the statement shows it. */
interface SchemaObject {
  key: string;
  label: string;
  /** For indexes, columns, constraints and triggers: dropping the table removes them too. */
  table: string | undefined;
  line: number;
  column: number;
}

const KIND_BY_TYPE: Partial<Record<ObjectType, string>> = {
  OBJECT_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'view',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SCHEMA: 'schema',
  OBJECT_EXTENSION: 'extension',
  OBJECT_TRIGGER: 'trigger',
};

function object(out: SchemaObject[], kind: string, name: string | undefined, sql: PlacedStatement, table?: string): void {
  if (name === undefined) return;
  const key = table !== undefined && (kind === 'column' || kind === 'constraint' || kind === 'trigger') ? `${kind}:${table}.${name}` : `${kind}:${name}`;
  out.push({ key, label: kind === 'column' || kind === 'constraint' ? `${kind} ${table}.${name}` : `${kind} ${name}`, table, line: sql.line, column: sql.column });
}

// Dispatch on the statement's kind (one string compare), not a chain of `in` tests: this runs for every statement of every file.
function created(out: SchemaObject[], sql: PlacedStatement): void {
  const n = sql.node;
  switch (sql.kind) {
    case 'CreateStmt': {
      const stmt = nodeBody(n, 'CreateStmt')!;
      // A partition goes with its parent table.
      const parent = stmt.partbound === undefined ? undefined : stmt.inhRelations?.flatMap((r) => ('RangeVar' in r ? [r.RangeVar.relname] : []))[0];
      return object(out, 'table', stmt.relation?.relname, sql, parent);
    }
    case 'CreateTableAsStmt': {
      const stmt = nodeBody(n, 'CreateTableAsStmt')!;
      return object(out, stmt.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', stmt.into?.rel?.relname, sql);
    }
    case 'IndexStmt': {
      const stmt = nodeBody(n, 'IndexStmt')!;
      return object(out, 'index', stmt.idxname, sql, stmt.relation?.relname);
    }
    case 'ViewStmt':
      return object(out, 'view', nodeBody(n, 'ViewStmt')!.view?.relname, sql);
    case 'CreateSeqStmt':
      return object(out, 'sequence', nodeBody(n, 'CreateSeqStmt')!.sequence?.relname, sql);
    case 'CreateFunctionStmt':
      return object(out, 'function', lastName(nodeBody(n, 'CreateFunctionStmt')!.funcname), sql);
    case 'CompositeTypeStmt':
      return object(out, 'type', nodeBody(n, 'CompositeTypeStmt')!.typevar?.relname, sql);
    case 'CreateEnumStmt':
      return object(out, 'type', lastName(nodeBody(n, 'CreateEnumStmt')!.typeName), sql);
    case 'CreateDomainStmt':
      return object(out, 'type', lastName(nodeBody(n, 'CreateDomainStmt')!.domainname), sql);
    case 'CreateSchemaStmt':
      return object(out, 'schema', nodeBody(n, 'CreateSchemaStmt')!.schemaname, sql);
    case 'CreateExtensionStmt':
      return object(out, 'extension', nodeBody(n, 'CreateExtensionStmt')!.extname, sql);
    case 'CreateTrigStmt': {
      const stmt = nodeBody(n, 'CreateTrigStmt')!;
      return object(out, 'trigger', stmt.trigname, sql, stmt.relation?.relname);
    }
    case 'AlterTableStmt': {
      const stmt = nodeBody(n, 'AlterTableStmt')!;
      for (const c of stmt.cmds ?? []) {
        if (!('AlterTableCmd' in c)) continue;
        const cmd = c.AlterTableCmd;
        if (cmd.subtype === 'AT_AddColumn' && cmd.def !== undefined && 'ColumnDef' in cmd.def) object(out, 'column', cmd.def.ColumnDef.colname, sql, stmt.relation?.relname);
        if (cmd.subtype === 'AT_AddConstraint' && cmd.def !== undefined && 'Constraint' in cmd.def) object(out, 'constraint', cmd.def.Constraint.conname, sql, stmt.relation?.relname);
      }
      return;
    }
  }
}

function removed(out: SchemaObject[], sql: PlacedStatement): void {
  const n = sql.node;
  if (sql.kind === 'DropStmt') {
    const stmt = nodeBody(n, 'DropStmt')!;
    const kind = KIND_BY_TYPE[stmt.removeType ?? 'OBJECT_TABLE'];
    if (kind === undefined) return;
    for (const o of stmt.objects ?? []) {
      if (kind === 'function' && 'ObjectWithArgs' in o) object(out, kind, lastName(o.ObjectWithArgs.objname), sql);
      else if (kind === 'trigger' && 'List' in o) {
        const parts = o.List.items ?? [];
        object(out, kind, lastName(parts), sql, lastName(parts.slice(0, -1)));
      } else object(out, kind, droppedName(o), sql);
    }
    return;
  }
  if (sql.kind === 'AlterTableStmt') {
    const stmt = nodeBody(n, 'AlterTableStmt')!;
    for (const c of stmt.cmds ?? []) {
      if (!('AlterTableCmd' in c)) continue;
      const cmd = c.AlterTableCmd;
      if (cmd.subtype === 'AT_DropColumn') object(out, 'column', cmd.name, sql, stmt.relation?.relname);
      if (cmd.subtype === 'AT_DropConstraint') object(out, 'constraint', cmd.name, sql, stmt.relation?.relname);
    }
  }
}

/** DO blocks and function calls may drop anything: what Down leaves out cannot be told from outside. */
function opaque(sql: PlacedStatement): boolean {
  const n: Node = sql.node;
  if ('DoStmt' in n || 'CallStmt' in n) return true;
  return 'SelectStmt' in n && (n.SelectStmt.targetList ?? []).some((t) => 'ResTarget' in t && t.ResTarget.val !== undefined && 'FuncCall' in t.ResTarget.val);
}

function all(statements: readonly GooseStatement[], ...picks: Array<(out: SchemaObject[], s: PlacedStatement) => void>): SchemaObject[] {
  const out: SchemaObject[] = [];
  for (const pick of picks) for (const statement of statements) for (const sql of statement.sql) pick(out, sql);
  return out;
}

/** DD-012: Down undoes Up's objects, in reverse order. */
export const downOrder: Rule = {
  id: 'down-order',
  defaultLevel: 'warning',
  docs: {
    what: "A Down section that leaves out an object Up created, or removes Up's objects in the same order Up created them instead of the reverse.",
    why: 'goose down must return the schema to the previous version; a forgotten object breaks the next up (it already exists), and the wrong order fails on dependencies (a table referenced by a foreign key, a column used by an index or view).',
    fix: 'in Down, drop every object Up created, last created first.',
    bad: '-- +goose Up\nCREATE TABLE IF NOT EXISTS a (id int PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS b (a_id int REFERENCES a);\n\n-- +goose Down\nDROP TABLE IF EXISTS a;\n',
    good: '-- +goose Up\nCREATE TABLE IF NOT EXISTS a (id int PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS b (a_id int REFERENCES a);\n\n-- +goose Down\nDROP TABLE IF EXISTS b;\nDROP TABLE IF EXISTS a;\n',
  },
  file(file, report) {
    if (file.down.length === 0) return;
    const made = all(file.up, created);
    const droppedInUp = new Set(all(file.up, removed).map((o) => o.key));
    const undone = all(file.down, removed);
    // Down may also put back the previous version of what Up created (CREATE OR REPLACE, a re-created index).
    const undoneKeys = new Set(all(file.down, removed, created).map((o) => o.key));
    const droppedTables = new Set(undone.filter((o) => o.key.startsWith('table:')).map((o) => o.key.slice('table:'.length)));
    const order = new Map(made.map((o, i) => [o.key, i]));
    // Order: each undone object must have been created before the one undone just before it.
    let previous: { index: number; object: SchemaObject } | undefined;
    for (const o of undone) {
      const index = order.get(o.key);
      if (index === undefined) continue;
      if (previous !== undefined && index > previous.index) {
        report({
          line: o.line,
          column: o.column,
          message: `Down removes ${o.label} after ${previous.object.label}, but Up created ${o.label} later (line ${made[index]!.line} after line ${made[previous.index]!.line}): undo in reverse order`,
          help: `move this statement before the one removing ${previous.object.label}`,
        });
        break;
      }
      previous = { index, object: o };
    }
    if (file.down.some((s) => s.sql.some(opaque))) return;
    const downLine = file.annotations.downLine ?? file.down[0]!.line;
    for (const o of made) {
      if (undoneKeys.has(o.key) || droppedInUp.has(o.key)) continue;
      // An index, column, constraint, trigger or partition goes with its table.
      if (o.table !== undefined && droppedTables.has(o.table)) continue;
      report({
        line: downLine,
        column: 1,
        message: `Down does not undo ${o.label}, created by Up at line ${o.line}`,
        help: `add the statement that removes ${o.label} to Down (last created, first removed)`,
      });
    }
  },
};
