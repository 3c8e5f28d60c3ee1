// Test-only: one in-memory PGlite per test file (its cold start is seconds),
// emptied between tests. A real database, no mocks.
import { createProvider, pgliteDatabase, type Database, type MigrationSource, type Provider } from '@gander/core';

export async function openTestDatabase(): Promise<Database> {
  return pgliteDatabase({ vector: false });
}

// Back to an empty database between tests: the same reset core's tests use.
export { resetDatabase } from '../../../core/src/test-support/databases.js';

export function providerFor(db: Database, sources: readonly MigrationSource[]): Promise<Provider> {
  return createProvider({ db, sources, envLabel: 'test' });
}

/** Versions applied, from goose's table itself (not through the TUI). */
export async function appliedVersions(db: Database): Promise<bigint[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('public.goose_db_version')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await db.query<{ v: string }>(
    `SELECT version_id::text AS v FROM goose_db_version WHERE is_applied AND version_id > 0 ORDER BY version_id`,
  );
  return rows.map((r) => BigInt(r.v));
}

export async function tableExists(db: Database, name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [name]);
  return Boolean(rows[0]?.t);
}
