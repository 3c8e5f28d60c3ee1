import type { DumpEntry } from './dump-entries.js';

export interface DumpFileHeader {
  /** The version whose schema this is. */
  version: bigint;
  serverVersion: string;
  pgDumpVersion: string;
  /** More comment lines (squash says which files it replaces). */
  notes?: readonly string[];
}

/**
 * A squashed file refuses to run on a database that applied some of the
 * files it replaces but not all (its schema is half there): in the file, so
 * goose refuses too. And its Down refuses on a database that came through
 * the old files, whose history would be left claiming versions it no longer has.
 */
export interface SquashGuard {
  version: bigint;
  /** The version table as it reaches SQL (`"goose_db_version"`, `"app"."versions"`). */
  qualifiedTable: string;
  /** Where the old files went, for the message. */
  archive: string;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function qualified(entry: DumpEntry): string {
  return entry.schema === '-' ? quoteIdent(entry.name) : `${quoteIdent(entry.schema)}.${quoteIdent(entry.name)}`;
}

/** `name(integer, text)` → `"schema"."name"(integer, text)`. */
function routine(entry: DumpEntry): string {
  const open = entry.name.indexOf('(');
  const name = open === -1 ? entry.name : entry.name.slice(0, open);
  const args = open === -1 ? '()' : entry.name.slice(open);
  return `${entry.schema === '-' ? quoteIdent(name) : `${quoteIdent(entry.schema)}.${quoteIdent(name)}`}${args}`;
}

// What drops an entry's object; entries not listed go with their table or
// type (indexes, constraints, defaults, triggers, comments, sequence ownership).
const DROPS: Readonly<Record<string, (entry: DumpEntry) => string | undefined>> = {
  SCHEMA: (e) => (e.name === 'public' ? undefined : `DROP SCHEMA IF EXISTS ${quoteIdent(e.name)} CASCADE;`),
  EXTENSION: (e) => `DROP EXTENSION IF EXISTS ${quoteIdent(e.name)} CASCADE;`,
  TYPE: (e) => `DROP TYPE IF EXISTS ${qualified(e)} CASCADE;`,
  DOMAIN: (e) => `DROP DOMAIN IF EXISTS ${qualified(e)} CASCADE;`,
  FUNCTION: (e) => `DROP FUNCTION IF EXISTS ${routine(e)} CASCADE;`,
  PROCEDURE: (e) => `DROP PROCEDURE IF EXISTS ${routine(e)} CASCADE;`,
  AGGREGATE: (e) => `DROP AGGREGATE IF EXISTS ${routine(e)} CASCADE;`,
  TABLE: (e) => `DROP TABLE IF EXISTS ${qualified(e)} CASCADE;`,
  'FOREIGN TABLE': (e) => `DROP FOREIGN TABLE IF EXISTS ${qualified(e)} CASCADE;`,
  VIEW: (e) => `DROP VIEW IF EXISTS ${qualified(e)} CASCADE;`,
  'MATERIALIZED VIEW': (e) => `DROP MATERIALIZED VIEW IF EXISTS ${qualified(e)} CASCADE;`,
  // An identity column's sequence is dumped as `ALTER TABLE … ADD GENERATED … AS IDENTITY`: it goes with its table.
  SEQUENCE: (e) => (/^ALTER TABLE /.test(e.sql) ? undefined : `DROP SEQUENCE IF EXISTS ${qualified(e)} CASCADE;`),
  COLLATION: (e) => `DROP COLLATION IF EXISTS ${qualified(e)} CASCADE;`,
  'TEXT SEARCH CONFIGURATION': (e) => `DROP TEXT SEARCH CONFIGURATION IF EXISTS ${qualified(e)} CASCADE;`,
  'TEXT SEARCH DICTIONARY': (e) => `DROP TEXT SEARCH DICTIONARY IF EXISTS ${qualified(e)} CASCADE;`,
  'EVENT TRIGGER': (e) => `DROP EVENT TRIGGER IF EXISTS ${quoteIdent(e.name)} CASCADE;`,
};

/** Object kinds whose drop gander cannot write: the Down names them instead of pretending. */
const GOES_WITH_ITS_OWNER = new Set([
  'INDEX',
  'CONSTRAINT',
  'FK CONSTRAINT',
  'CHECK CONSTRAINT',
  'DEFAULT',
  'TRIGGER',
  'RULE',
  'POLICY',
  'ROW SECURITY',
  'COMMENT',
  'SEQUENCE OWNED BY',
  'SEQUENCE SET',
  'TABLE ATTACH',
  'INDEX ATTACH',
  'ACL',
  'STATISTICS',
  'SHELL TYPE',
]);

/**
 * goose splits a section at every line that ends in `;`: an entry whose
 * statement has such a line before its end (a function body, a DO block, a
 * string with a newline) or a dollar quote must be one StatementBegin/End block.
 */
export function needsStatementBlock(sql: string): boolean {
  if (/\$[A-Za-z_0-9]*\$/.test(sql)) return true;
  const lines = sql.split('\n');
  return lines.slice(0, -1).some((line) => /;\s*$/.test(line)) || lines.some((line) => /^\s*--\s*\+goose/i.test(line));
}

function upBlock(entry: DumpEntry): string {
  // pg_dump's own TOC line, shortened: which object each block is.
  const comment = `-- ${entry.type} ${entry.name}${entry.schema === '-' ? '' : ` (schema ${entry.schema})`}`;
  return needsStatementBlock(entry.sql) ? `${comment}\n-- +goose StatementBegin\n${entry.sql}\n-- +goose StatementEnd` : `${comment}\n${entry.sql}`;
}

function appliedBelowQuery(guard: SquashGuard): string {
  return `SELECT 1 FROM (SELECT DISTINCT ON (version_id) version_id, is_applied FROM ${guard.qualifiedTable} ORDER BY version_id, id DESC) AS latest WHERE is_applied AND version_id > 0 AND version_id < ${guard.version}`;
}

function guardBlock(guard: SquashGuard, direction: 'up' | 'down'): string {
  const message =
    direction === 'up'
      ? `this database applied some of the migrations below ${guard.version} that this file replaces, but not all: apply the archived files in ${guard.archive}/ beside this file first (gander -dir <this folder>/${guard.archive} up), then the rest`
      : `this database came through the migrations below ${guard.version} that this file replaces: rolling back ${guard.version} would drop the whole schema and leave them recorded; restore the files from ${guard.archive} to roll back one by one`;
  return [
    '-- +goose StatementBegin',
    'DO $gander_squash_guard$',
    'BEGIN',
    `  IF to_regclass(${quoteLiteral(guard.qualifiedTable)}) IS NOT NULL AND EXISTS (${appliedBelowQuery(guard)}) THEN`,
    `    RAISE EXCEPTION ${quoteLiteral(message.replace(/%/g, '%%'))};`,
    '  END IF;',
    'END',
    '$gander_squash_guard$;',
    '-- +goose StatementEnd',
  ].join('\n');
}

/** The Down: every object the Up creates, dropped in reverse order. */
export function downStatements(entries: readonly DumpEntry[]): { statements: string[]; unknownTypes: string[] } {
  const statements: string[] = [];
  const unknownTypes = new Set<string>();
  for (const entry of [...entries].reverse()) {
    const drop = DROPS[entry.type];
    if (drop) {
      const sql = drop(entry);
      if (sql) statements.push(sql);
    } else if (!GOES_WITH_ITS_OWNER.has(entry.type)) unknownTypes.add(entry.type);
  }
  return { statements, unknownTypes: [...unknownTypes].sort() };
}

/** A goose migration file whose Up builds the dumped schema and whose Down drops it. */
export function gooseMigrationFromDump(entries: readonly DumpEntry[], header: DumpFileHeader, guard?: SquashGuard): string {
  const down = downStatements(entries);
  const lines = [
    `-- gander dump: the schema at version ${header.version}`,
    `-- server PostgreSQL ${header.serverVersion}, pg_dump ${header.pgDumpVersion} (--schema-only: no data; the version table, gander's audit table and goose_lock left out)`,
    ...(header.notes ?? []).map((note) => `-- ${note}`),
    '',
    '-- +goose Up',
    ...(guard ? [guardBlock(guard, 'up'), ''] : []),
    // pg_dump orders routines before the tables a SQL-language body may name; it restores with the same setting.
    'SET LOCAL check_function_bodies = false;',
    '',
    ...entries.flatMap((entry) => [upBlock(entry), '']),
    '-- +goose Down',
    ...(guard ? [guardBlock(guard, 'down'), ''] : []),
    ...(down.unknownTypes.length > 0 ? [`-- not dropped here (gander writes no DROP for these kinds): ${down.unknownTypes.join(', ')}`] : []),
    ...down.statements,
    '',
  ];
  return lines.join('\n');
}
