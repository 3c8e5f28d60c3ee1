/**
 * SQL pieces shared by the catalog queries. `$1` is always the schema filter:
 * NULL for "every user schema", or a JSON array of schema names (JSON rather
 * than a SQL array so that both node-postgres and PGlite pass it as one text).
 */
export function userSchema(nameExpr: string): string {
  return `(${nameExpr} NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND ${nameExpr} !~ '^pg_(toast_)?temp_'
    AND ($1::jsonb IS NULL OR ${nameExpr} IN (SELECT jsonb_array_elements_text($1::jsonb))))`;
}

/**
 * Objects an extension created (pgvector's types, functions, operators) are
 * the extension's, not the migration's: the extension itself is one object.
 */
export function notExtensionMember(catalog: string, oidExpr: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend ext
    WHERE ext.classid = '${catalog}'::regclass AND ext.objid = ${oidExpr} AND ext.deptype = 'e')`;
}

/** `schema.name` of a pg_class row, given the aliases of pg_class and pg_namespace. */
export function qualified(namespaceAlias: string, nameExpr: string): string {
  return `(${namespaceAlias}.nspname || '.' || ${nameExpr})`;
}
