import type { EphemeralServer } from './ephemeral-server.js';
import { serverAtUrl } from './url-server.js';

/**
 * A server the developer already runs (GANDER_TEST_DATABASE_URL or
 * DATABASE_URL, a superuser or a role with CREATEDB). Each test file gets a
 * database of its own on it; the server itself is never stopped by us.
 */
export function externalServer(url: string): EphemeralServer {
  return serverAtUrl('external', url, async () => undefined);
}

export function externalServerUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GANDER_TEST_DATABASE_URL || env.DATABASE_URL || undefined;
}
