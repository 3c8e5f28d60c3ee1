/**
 * What a migration left in the public schema, minus each tool's own
 * bookkeeping: every relation (table, index, view, sequence, partition) and
 * function by name and kind. Contestants that ran the same statements leave
 * the same fingerprint; one that silently did nothing does not.
 */
export const FINGERPRINT_SQL = `
SELECT count(*)::int AS objects, coalesce(md5(string_agg(name, ',' ORDER BY name)), '') AS digest
  FROM (
    SELECT c.relname || ':' || c.relkind::text AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT p.proname || '()' AS name FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
  ) objects
 WHERE name !~ '^(goose_db_version|gander_migration_log|schema_migrations|pgmigrations)(_|:)'`;

export interface FingerprintRow {
  objects: number;
  digest: string;
}

export function formatFingerprint(row: FingerprintRow | undefined): string {
  if (!row) return 'no result';
  return row.objects === 0 ? '0 objects' : `${row.objects} objects, md5 ${row.digest.slice(0, 8)}`;
}
