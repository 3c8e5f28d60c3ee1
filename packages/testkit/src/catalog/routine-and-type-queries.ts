import type { CatalogQuery } from './catalog-query.js';
import { compactProperties, optionalText, text } from './row-text.js';
import { notExtensionMember, userSchema } from './sql-fragments.js';

const TYPE_LABEL: Readonly<Record<string, string>> = { e: 'enum', d: 'domain over', c: 'composite', r: 'range of' };

const ROUTINE_LABEL: Readonly<Record<string, string>> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window function' };

/**
 * Functions and procedures by signature, compared by their whole definition
 * (pg_get_functiondef: arguments, result, language, volatility, body).
 * Aggregates have no functiondef; their state function and type stand in.
 */
export const functionsQuery: CatalogQuery = {
  label: 'functions',
  sql: `
SELECT n.nspname AS schema, p.proname AS name,
       pg_get_function_identity_arguments(p.oid) AS args,
       p.prokind::text AS prokind,
       pg_get_function_result(p.oid) AS result,
       CASE WHEN p.prokind = 'a' THEN (
         SELECT 'sfunc ' || a.aggtransfn::text || ', stype ' || format_type(a.aggtranstype, NULL)
                || ', finalfunc ' || a.aggfinalfn::text || ', initcond ' || coalesce(a.agginitval, 'NULL')
           FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
       ELSE pg_get_functiondef(p.oid) END AS definition
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE ${userSchema('n.nspname')}
   AND ${notExtensionMember('pg_proc', 'p.oid')}`,
  toObject(row) {
    const label = ROUTINE_LABEL[text(row, 'prokind')] ?? 'function';
    const result = optionalText(row, 'result');
    return {
      kind: 'function',
      name: `${text(row, 'schema')}.${text(row, 'name')}(${text(row, 'args')})`,
      summary: label === 'procedure' ? '(procedure)' : `(${label === 'function' ? '' : `${label} `}returns ${result ?? 'void'})`,
      properties: compactProperties({ kind: label, result, definition: text(row, 'definition').trim() }),
    };
  },
};

/** Enum, domain, range and standalone composite types (not the row types of tables). */
export const typesQuery: CatalogQuery = {
  label: 'types',
  sql: `
SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
       CASE t.typtype
         WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                          FROM pg_enum e WHERE e.enumtypid = t.oid)
         WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)
                       || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                       || coalesce(' default ' || t.typdefault, '')
         WHEN 'c' THEN (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                          FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
         WHEN 'r' THEN (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid)
       END AS definition
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_class tc ON tc.oid = t.typrelid
 WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
   AND ${userSchema('n.nspname')}
   AND ${notExtensionMember('pg_type', 't.oid')}`,
  toObject(row) {
    const label = TYPE_LABEL[text(row, 'typtype')] ?? 'type';
    const separator = label.endsWith('of') || label.endsWith('over') ? ' ' : ': ';
    return {
      kind: 'type',
      name: `${text(row, 'schema')}.${text(row, 'name')}`,
      summary: `(${label}${separator}${text(row, 'definition')})`,
      properties: compactProperties({ kind: label, definition: text(row, 'definition') }),
    };
  },
};

export const extensionsQuery: CatalogQuery = {
  label: 'extensions',
  sql: `
SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
  FROM pg_extension e
  JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE ${userSchema('n.nspname')}`,
  toObject(row) {
    return {
      kind: 'extension',
      name: text(row, 'name'),
      summary: `(${text(row, 'version')}, schema ${text(row, 'schema')})`,
      properties: compactProperties({ version: text(row, 'version'), schema: text(row, 'schema') }),
    };
  },
};

export const schemasQuery: CatalogQuery = {
  label: 'schemas',
  sql: `
SELECT n.nspname AS name
  FROM pg_namespace n
 WHERE ${userSchema('n.nspname')}
   AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
  toObject(row) {
    return { kind: 'schema', name: text(row, 'name'), summary: '', properties: {} };
  },
};

/**
 * COMMENT ON texts of user objects. Objects with an OID below 16384
 * (FirstNormalObjectId) come with the server, so they are skipped before
 * pg_identify_object runs; comments on extensions come with the extension.
 */
export const commentsQuery: CatalogQuery = {
  label: 'comments',
  sql: `
SELECT o.type, o.identity, d.description,
       CASE WHEN d.classoid = 'pg_class'::regclass THEN (
         SELECT cn.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace cn ON cn.oid = c.relnamespace
          WHERE c.oid = d.objoid) END AS rel
  FROM pg_description d
  CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o
 WHERE d.objoid >= 16384
   AND o.type <> 'extension'
   AND ${userSchema(`coalesce(o.schema, CASE WHEN o.type = 'schema' THEN o.identity END)`)}
   AND NOT EXISTS (SELECT 1 FROM pg_depend ext
                    WHERE ext.classid = d.classoid AND ext.objid = d.objoid AND ext.deptype = 'e')`,
  toObject(row) {
    const rel = optionalText(row, 'rel');
    return {
      kind: 'comment',
      name: `on ${text(row, 'type')} ${text(row, 'identity')}`,
      summary: `: ${JSON.stringify(text(row, 'description'))}`,
      ...(rel ? { relation: rel } : {}),
      properties: { text: text(row, 'description') },
    };
  },
};
