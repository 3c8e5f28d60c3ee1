// Test-only helpers for the testkit's own tests.
import { fileURLToPath } from 'node:url';
import type { Database } from '@gander/core';
import { afterEach } from 'vitest';
import type { EphemeralDatabase } from '../server/ephemeral-server.js';
import { serverAtUrl } from '../server/url-server.js';

export function testServerUrl(): string {
  const url = process.env.GANDER_TEST_SERVER_URL;
  if (!url) throw new Error('GANDER_TEST_SERVER_URL is not set: run the tests through the workspace vitest config');
  return url;
}

/** A new database on the run's shared server (the global setup's). */
export function serverDatabase(): Promise<EphemeralDatabase> {
  return serverAtUrl('external', testServerUrl(), async () => undefined).createDatabase();
}

/** A path under src/testdata. */
export function testdata(name: string): string {
  return fileURLToPath(new URL(`../testdata/${name}`, import.meta.url));
}

/** The Data Storage migrations at the repository root. */
export const DATA_STORAGE_MIGRATIONS = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/**
 * `fresh()` gives a new database on the shared server, dropping the previous
 * one; whatever is left is dropped after each test.
 */
export function useFreshServerDatabase(): () => Promise<Database> {
  let database: EphemeralDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });
  return async () => {
    await database?.drop();
    database = await serverDatabase();
    return database.db;
  };
}
