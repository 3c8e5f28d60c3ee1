import { pgDatabase, type MigrationSource } from '@gander/core';

const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"([^"]+)"|([A-Za-z_][\w-]*))/gi;

/**
 * The extensions the migrations create (`CREATE EXTENSION [IF NOT EXISTS] x`),
 * each with the files that create it. Line comments are ignored; the check
 * is textual, which is enough to pick a server that has them.
 */
export function requiredExtensions(sources: readonly MigrationSource[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const source of sources) {
    const code = source.content.replace(/--[^\n]*/g, '');
    for (const match of code.matchAll(CREATE_EXTENSION)) {
      const name = (match[1] ?? match[2] ?? '').toLowerCase();
      if (!name) continue;
      const files = found.get(name) ?? [];
      if (!files.includes(source.fileName)) files.push(source.fileName);
      found.set(name, files);
    }
  }
  return found;
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
