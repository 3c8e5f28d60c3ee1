import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';

/** The workspace's test server (vitest's global setup starts it and names it here). */
export function testServerUrl(): string {
  const url = process.env.GANDER_TEST_SERVER_URL;
  if (!url) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');
  return url;
}

/**
 * A database of this test file's own on the test server, and a client on it to check what the CLI did; both
 * gone after the file's tests. Registered before the file's own hooks, so those can use them (as core's
 * `useDatabase` hands over its database).
 */
export function useAdminDatabase(prefix: string, receive: (opened: { database: TestDatabase; admin: pg.Client }) => void): void {
  let database: TestDatabase | undefined;
  let admin: pg.Client | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(testServerUrl(), prefix);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    receive({ database, admin });
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });
}
