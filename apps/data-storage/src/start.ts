import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createProvider, maskConnectionString, openDatabase, type Database } from '@gander/core';
import { assertSchema } from '@gander/startup-check';
import { REQUIRED_SCHEMA_VERSION, type ServiceConfig } from './config.js';
import { createHttpServer } from './server.js';

export interface RunningService {
  server: Server;
  port: number;
  db: Database;
  stop(): Promise<void>;
}

/**
 * Connect, optionally migrate (under gander's advisory lock, so replicas that
 * start together migrate once), refuse to start on a stale schema, then serve.
 */
export async function startService(config: ServiceConfig, log: (line: string) => void): Promise<RunningService> {
  const db = await openDatabase(
    config.databaseUrl ? { driver: 'postgres', connection: config.databaseUrl } : { driver: 'pglite', dataDir: config.embeddedDir },
  );
  try {
    if (config.migrate) {
      const provider = await createProvider({ db, dir: config.migrationsDir });
      const result = await provider.upTo(REQUIRED_SCHEMA_VERSION);
      if (result.error) throw result.error;
      log(
        result.results.length > 0
          ? `migrated database to version ${result.currentVersion} (${result.results.length} migrations)`
          : `no migrations to run: database at version ${result.currentVersion}`,
      );
    }
    const report = await assertSchema({
      db,
      required: REQUIRED_SCHEMA_VERSION,
      dir: config.migrationsDir,
      // A command that runs as written in the service's directory and environment: the DSN by its
      // variable (no password shown), the embedded database by its directory (`pglite DIR`: gander
      // refuses to change the implicit one without a terminal).
      fix: { dir: config.asGiven.migrationsDir, ...(config.databaseUrl ? { dsnVariable: 'DATABASE_URL' } : { embeddedDir: config.asGiven.embeddedDir }) },
    });
    const server = createHttpServer(db, config.migrationsDir, log);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    log(
      `data-storage listening on http://${config.host}:${port} (schema version ${report.currentVersion}, database ${config.databaseUrl ? maskConnectionString(config.databaseUrl) : `embedded ${config.asGiven.embeddedDir}`})`,
    );
    return {
      server,
      port,
      db,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
