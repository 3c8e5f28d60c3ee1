import type { Node, ObjectType } from 'libpg-query';
import { droppedName, lastName } from '../grammar/names.js';
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

function object(kind: string, name: string | undefined, sql: PlacedStatement, table?: string): SchemaObject[] {
  if (name === undefined) return [];
  const key = table !== undefined && (kind === 'column' || kind === 'constraint' || kind === 'trigger') ? `${kind}:${table}.${name}` : `${kind}:${name}`;
  return [{ key, label: kind === 'column' || kind === 'constraint' ? `${kind} ${table}.${name}` : `${kind} ${name}`, table, line: sql.line, column: sql.column }];
}

function created(sql: PlacedStatement): SchemaObject[] {
  const n: Node = sql.node;
  if ('CreateStmt' in n) {
    // A partition goes with its parent table.
    const parent = n.CreateStmt.partbound === undefined ? undefined : n.CreateStmt.inhRelations?.flatMap((r) => ('RangeVar' in r ? [r.RangeVar.relname] : []))[0];
    return object('table', n.CreateStmt.relation?.relname, sql, parent);
  }
  if ('CreateTableAsStmt' in n) return object(n.CreateTableAsStmt.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', n.CreateTableAsStmt.into?.rel?.relname, sql);
  if ('IndexStmt' in n) return object('index', n.IndexStmt.idxname, sql, n.IndexStmt.relation?.relname);
  if ('ViewStmt' in n) return object('view', n.ViewStmt.view?.relname, sql);
  if ('CreateSeqStmt' in n) return object('sequence', n.CreateSeqStmt.sequence?.relname, sql);
  if ('CreateFunctionStmt' in n) return object('function', lastName(n.CreateFunctionStmt.funcname), sql);
  if ('CompositeTypeStmt' in n) return object('type', n.CompositeTypeStmt.typevar?.relname, sql);
  if ('CreateEnumStmt' in n) return object('type', lastName(n.CreateEnumStmt.typeName), sql);
  if ('CreateDomainStmt' in n) return object('type', lastName(n.CreateDomainStmt.domainname), sql);
  if ('CreateSchemaStmt' in n) return object('schema', n.CreateSchemaStmt.schemaname, sql);
  if ('CreateExtensionStmt' in n) return object('extension', n.CreateExtensionStmt.extname, sql);
  if ('CreateTrigStmt' in n) return object('trigger', n.CreateTrigStmt.trigname, sql, n.CreateTrigStmt.relation?.relname);
  if ('AlterTableStmt' in n) {
    const table = n.AlterTableStmt.relation?.relname;
    return (n.AlterTableStmt.cmds ?? []).flatMap((c) => {
      if (!('AlterTableCmd' in c)) return [];
      const cmd = c.AlterTableCmd;
      if (cmd.subtype === 'AT_AddColumn' && cmd.def !== undefined && 'ColumnDef' in cmd.def) return object('column', cmd.def.ColumnDef.colname, sql, table);
      if (cmd.subtype === 'AT_AddConstraint' && cmd.def !== undefined && 'Constraint' in cmd.def) return object('constraint', cmd.def.Constraint.conname, sql, table);
      return [];
    });
  }
  return [];
}

function removed(sql: PlacedStatement): SchemaObject[] {
  const n: Node = sql.node;
  if ('DropStmt' in n) {
    const kind = KIND_BY_TYPE[n.DropStmt.removeType ?? 'OBJECT_TABLE'];
    if (kind === undefined) return [];
    return (n.DropStmt.objects ?? []).flatMap((o) => {
      if (kind === 'function' && 'ObjectWithArgs' in o) return object(kind, lastName(o.ObjectWithArgs.objname), sql);
      if (kind === 'trigger' && 'List' in o) {
        const parts = o.List.items ?? [];
        return object(kind, lastName(parts), sql, lastName(parts.slice(0, -1)));
      }
      return object(kind, droppedName(o), sql);
    });
  }
  if ('AlterTableStmt' in n) {
    const table = n.AlterTableStmt.relation?.relname;
    return (n.AlterTableStmt.cmds ?? []).flatMap((c) => {
      if (!('AlterTableCmd' in c)) return [];
      const cmd = c.AlterTableCmd;
      if (cmd.subtype === 'AT_DropColumn') return object('column', cmd.name, sql, table);
      if (cmd.subtype === 'AT_DropConstraint') return object('constraint', cmd.name, sql, table);
      return [];
    });
  }
  return [];
}

/** DO blocks and function calls may drop anything: what Down leaves out cannot be told from outside. */
function opaque(sql: PlacedStatement): boolean {
  const n: Node = sql.node;
  if ('DoStmt' in n || 'CallStmt' in n) return true;
  return 'SelectStmt' in n && (n.SelectStmt.targetList ?? []).some((t) => 'ResTarget' in t && t.ResTarget.val !== undefined && 'FuncCall' in t.ResTarget.val);
}

const all = (statements: readonly GooseStatement[], pick: (s: PlacedStatement) => SchemaObject[]) => statements.flatMap((s) => s.sql.flatMap(pick));

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
    const undoneKeys = new Set([...undone, ...all(file.down, created)].map((o) => o.key));
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
