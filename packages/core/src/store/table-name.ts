import { GanderError } from '../errors.js';

/** A version table name, split into its optional schema and its table, each ready to splice as a quoted identifier. */
export interface TableName {
  readonly schema: string | undefined;
  readonly table: string;
  /** `"schema"."table"` or `"table"`: the only form that ever reaches SQL. */
  readonly qualified: string;
  /** As the user wrote it, for messages. */
  readonly raw: string;
}

export const DEFAULT_TABLE_NAME = 'goose_db_version';

const UNQUOTED = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED = /^"((?:[^"]|"")+)"$/;
const MAX_IDENTIFIER_BYTES = 63;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * goose splices `-table` raw into its SQL, so PostgreSQL folds an unquoted name
 * to lower case. We fold the same way (so `-table Versions` names the same table
 * goose uses), keep a double-quoted part as written, quote both, and reject
 * anything else: a table name can never smuggle SQL in.
 */
function parsePart(part: string, raw: string): string {
  const quoted = QUOTED.exec(part);
  const name = quoted ? quoted[1]!.replace(/""/g, '"') : UNQUOTED.test(part) ? part.toLowerCase() : undefined;
  if (name === undefined || Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES || name.includes('\0')) {
    throw new GanderError('E_INVALID_TABLE_NAME', `invalid table name ${JSON.stringify(raw)}`, {
      hint: 'use a plain identifier (letters, digits, _), optionally schema-qualified (myschema.versions), or double-quote it',
    });
  }
  return name;
}

function splitQualified(raw: string): string[] {
  // Split on dots outside double quotes.
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const ch of raw) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '.' && !inQuotes) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseTableName(raw: string = DEFAULT_TABLE_NAME): TableName {
  const parts = splitQualified(raw.trim());
  if (parts.length > 2 || parts.some((p) => p.length === 0)) {
    throw new GanderError('E_INVALID_TABLE_NAME', `invalid table name ${JSON.stringify(raw)}`, {
      hint: 'use table or schema.table',
    });
  }
  const names = parts.map((p) => parsePart(p, raw));
  const schema = names.length === 2 ? names[0] : undefined;
  const table = names[names.length - 1]!;
  const qualified = schema === undefined ? quoteIdentifier(table) : `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  return { schema, table, qualified, raw };
}

/** A companion table in the same schema as the version table. */
export function siblingTable(of: TableName, table: string): TableName {
  return parseTableName(of.schema === undefined ? table : `"${of.schema.replace(/"/g, '""')}".${table}`);
}
