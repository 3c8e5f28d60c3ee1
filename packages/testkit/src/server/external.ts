import type { EphemeralServer } from './ephemeral-server.js';

/** A server the developer already runs (GANDER_TEST_DATABASE_URL or DATABASE_URL); never stopped by us. */
export function externalServer(url: string): EphemeralServer {
  return { kind: 'external', url, stop: async () => undefined };
}

export function externalServerUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GANDER_TEST_DATABASE_URL || env.DATABASE_URL || undefined;
}
