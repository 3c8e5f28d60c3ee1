import type { Queryable } from '../db/database.js';
import { GOOSE_LOCK_TABLE } from '../lock/table-lock.js';
import { AUDIT_TABLE_NAME } from '../store/audit-log.js';
import { DEFAULT_TABLE_NAME, parseTableName, siblingTable, type TableName } from '../store/table-name.js';
import { parseDump } from './dump-entries.js';
import { gooseMigrationFromDump, type SquashGuard } from './goose-file.js';
import { findPgDump, type PgDumpBinary } from './pg-dump-binary.js';
import { runPgDump, type PgDumpConnection } from './run-pg-dump.js';
import { assertPgDumpMatches, serverVersion, type ServerVersion } from './server-version.js';

export interface DumpSchemaOptions {
  /** Reads the server's version; the dump itself is pg_dump's, over `connection`. */
  db: Queryable;
  connection: PgDumpConnection;
  /** The version the schema is at (the caller asked the version table). */
  version: bigint;
  /** The version table, as -table gives it (default goose_db_version). */
  table?: string | undefined;
  /** `--pg-dump PATH`. */
  pgDump?: string | undefined;
  env?: Record<string, string | undefined>;
  notes?: readonly string[];
  guard?: SquashGuard;
}

export interface SchemaDump {
  /** The goose migration file. */
  text: string;
  version: bigint;
  server: ServerVersion;
  pgDump: PgDumpBinary;
  /** pg_dump's entries that went into the Up. */
  objects: number;
  /** The pg_dump --exclude-table patterns. */
  excluded: string[];
}

/** A pg_dump pattern for exactly this table: a bare name matches it in any schema. */
function tablePattern(name: TableName): string {
  const table = `"${name.table.replace(/"/g, '""')}"`;
  return name.schema === undefined ? `*.${table}` : `"${name.schema.replace(/"/g, '""')}".${table}`;
}

function historyTables(table: string): TableName[] {
  const versionTable = parseTableName(table);
  return [versionTable, siblingTable(versionTable, AUDIT_TABLE_NAME), parseTableName(GOOSE_LOCK_TABLE)];
}

/** The tables a schema dump leaves out: they record history, they are not the schema. */
export function excludedTablePatterns(table: string = DEFAULT_TABLE_NAME): string[] {
  return [...new Set(historyTables(table).map(tablePattern))];
}

/**
 * The sequences behind those tables' serial columns: pg_dump --exclude-table
 * leaves out a table but still dumps the sequence its serial column owns.
 */
async function ownedSequencePatterns(db: Queryable, table: string): Promise<string[]> {
  const tables = historyTables(table);
  const { rows } = await db.query<{ seq_schema: string; seq: string; table_schema: string; table_name: string }>(
    `SELECT sn.nspname AS seq_schema, s.relname AS seq, tn.nspname AS table_schema, t.relname AS table_name
       FROM pg_class s
       JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE s.relkind = 'S' AND t.relname = ANY($1)`,
    [tables.map((t) => t.table)],
  );
  return rows
    .filter((row) => tables.some((t) => t.table === row.table_name && (t.schema === undefined || t.schema === row.table_schema)))
    .map((row) => tablePattern({ schema: row.seq_schema, table: row.seq, qualified: '', raw: '' }));
}

/**
 * The schema of a database at `version` as a goose migration, from the
 * server's own major version of pg_dump: a mismatched one is refused
 * (E_PG_DUMP_MISMATCH) before anything runs.
 */
export async function dumpSchema(options: DumpSchemaOptions): Promise<SchemaDump> {
  const server = await serverVersion(options.db);
  const pgDump = await findPgDump({ explicit: options.pgDump, env: options.env ?? process.env, wantMajor: server.major });
  assertPgDumpMatches(pgDump, server);
  const excluded = [...excludedTablePatterns(options.table || DEFAULT_TABLE_NAME), ...(await ownedSequencePatterns(options.db, options.table || DEFAULT_TABLE_NAME))];
  const raw = await runPgDump(pgDump, options.connection, excluded);
  const { entries } = parseDump(raw);
  const text = gooseMigrationFromDump(
    entries,
    { version: options.version, serverVersion: server.version, pgDumpVersion: pgDump.version, ...(options.notes ? { notes: options.notes } : {}) },
    options.guard,
  );
  return { text, version: options.version, server, pgDump, objects: entries.length, excluded };
}
