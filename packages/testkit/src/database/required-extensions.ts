import { extensionsCreatedBy, pgDatabase, type MigrationSource } from '@gander/core';

/**
 * The extensions the migrations create (`CREATE EXTENSION [IF NOT EXISTS] x`),
 * each with the files that create it: core's textual scan, also used to load
 * them into PGlite.
 */
export function requiredExtensions(sources: readonly MigrationSource[]): Map<string, string[]> {
  return extensionsCreatedBy(sources);
}

/** Which of `names` the server at `url` cannot install (pg_available_extensions). */
export async function unavailableExtensions(url: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const db = await pgDatabase({ connectionString: url, max: 1 });
  try {
    const { rows } = await db.query<{ name: string }>(
      'SELECT name FROM pg_available_extensions WHERE name IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [JSON.stringify(names)],
    );
    const available = new Set(rows.map((row) => row.name));
    return names.filter((name) => !available.has(name));
  } finally {
    await db.close();
  }
}
