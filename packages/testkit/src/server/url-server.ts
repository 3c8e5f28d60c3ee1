import { pgDatabase, type Database } from '@gander/core';
import type { EphemeralDatabase, EphemeralServer, ServerKind } from './ephemeral-server.js';
import { createTestDatabase } from '@gander/test-server';

/**
 * An EphemeralServer over a superuser URL: every createDatabase() is a new
 * database on it, and stop() drops the ones still there before `shutdown`
 * (which stops the server, if it is ours).
 */
export function serverAtUrl(kind: ServerKind, url: string, shutdown: () => Promise<void>): EphemeralServer {
  const open = new Set<EphemeralDatabase>();
  let stopped = false;
  return {
    kind,
    url,
    async createDatabase() {
      const created = await createTestDatabase(url);
      let db: Database;
      try {
        db = await pgDatabase(created.url);
      } catch (error) {
        await created.drop().catch(() => undefined);
        throw error;
      }
      const handle: EphemeralDatabase = {
        db,
        url: created.url,
        async drop() {
          open.delete(handle);
          await db.close().catch(() => undefined);
          await created.drop();
        },
      };
      open.add(handle);
      return handle;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([...open].map((handle) => handle.drop().catch(() => undefined)));
      await shutdown();
    },
  };
}
