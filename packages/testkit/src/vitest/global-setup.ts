import type { EphemeralServer } from '../server/ephemeral-server.js';
import { startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { externalServer, externalServerUrlFromEnv } from '../server/external.js';

/**
 * vitest globalSetup: one PostgreSQL server for the whole run. Test files read
 * its superuser URL from GANDER_TEST_SERVER_URL (workers inherit the env) and
 * create their own database on it.
 */
let server: EphemeralServer | undefined;

export async function setup(): Promise<void> {
  const external = externalServerUrlFromEnv();
  server = external ? externalServer(external) : await startEmbeddedPostgres();
  process.env.GANDER_TEST_SERVER_URL = server.url;
  process.env.GANDER_TEST_SERVER_KIND = server.kind;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  server = undefined;
}
