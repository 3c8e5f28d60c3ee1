import { afterAll, beforeAll, beforeEach } from 'vitest';
// Test-only helpers for core's integration tests. The server is the one the
// workspace's vitest globalSetup started (packages/testkit); each test file
// gets databases of its own on it.
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import type { Database } from '../db/database.js';
import { pgDatabase } from '../db/pg-adapter.js';
import { pgliteDatabase } from '../db/pglite-adapter.js';

export function testServerUrl(): string {
  const url = process.env.GANDER_TEST_SERVER_URL;
  if (!url) throw new Error('GANDER_TEST_SERVER_URL is not set: run the tests through the workspace vitest config');
  return url;
}

export interface Engine {
  name: 'postgres' | 'pglite';
  open(): Promise<{ db: Database; url?: string; cleanup(): Promise<void> }>;
}

export const postgresEngine: Engine = {
  name: 'postgres',
  async open() {
    const database: TestDatabase = await createTestDatabase(testServerUrl());
    const db = await pgDatabase(database.url);
    return {
      db,
      url: database.url,
      async cleanup() {
        await db.close();
        await database.drop();
      },
    };
  },
};

export const pgliteEngine: Engine = {
  name: 'pglite',
  async open() {
    const db = await pgliteDatabase({ vector: false });
    return { db, cleanup: () => db.close() };
  },
};

export const engines: Engine[] = [postgresEngine, pgliteEngine];

/** Back to an empty database between tests: cheaper than a new database, and works on PGlite too. */
export async function resetDatabase(db: Database): Promise<void> {
  const { rows } = await db.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`,
  );
  for (const { nspname } of rows) await db.exec(`DROP SCHEMA "${nspname.replace(/"/g, '""')}" CASCADE`);
  await db.exec('CREATE SCHEMA public');
}

/**
 * Open one database of `engine` for the enclosing describe block (or file),
 * hand it to `receive`, empty it before each test and close it after all.
 */
export function useDatabase(engine: Engine, receive: (opened: { db: Database; url: string | undefined }) => void): void {
  let opened: Awaited<ReturnType<Engine['open']>> | undefined;
  beforeAll(async () => {
    opened = await engine.open();
    receive({ db: opened.db, url: opened.url });
  });
  afterAll(async () => opened?.cleanup());
  beforeEach(async () => {
    if (opened) await resetDatabase(opened.db);
  });
}
