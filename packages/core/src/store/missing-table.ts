/**
 * Reading a table that may not exist yet: rather than a catalog lookup first
 * (a second round trip on every read), run the query and treat "no such
 * table" / "no such schema" as empty. Never used inside a transaction, where
 * the error would abort it.
 */
const MISSING_RELATION = new Set(['42P01', '3F000']);

export async function orEmptyIfMissing<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && MISSING_RELATION.has(code)) return [];
    throw error;
  }
}
