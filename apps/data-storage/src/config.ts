import { resolve } from 'node:path';
import { EMBEDDED_DATA_DIR } from '@gander/core';

/** The schema this build of the service was written against (DD-012: ADR-033 is 012). */
export const REQUIRED_SCHEMA_VERSION = 12n;

export interface ServiceConfig {
  /** PostgreSQL connection string; absent → the embedded database in .gander/pglite. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  migrationsDir: string;
  /** Migrate at start, under the advisory lock, before the schema check. */
  migrate: boolean;
  /** The embedded database's directory when there is no DATABASE_URL (default .gander/pglite). */
  embeddedDir: string;
  /**
   * The two directories as the operator gave them (relative to the service's
   * working directory, or absolute): the commands the service prints use
   * these, so they run as written where the service runs.
   */
  asGiven: { migrationsDir: string; embeddedDir: string };
}

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ServiceConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const unknown = argv.filter((a) => a !== '--migrate');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}: the only flag is --migrate`);
  const asGiven = { migrationsDir: env.MIGRATIONS_DIR || 'migrations', embeddedDir: env.GANDER_EMBEDDED_DIR || EMBEDDED_DATA_DIR };
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: env.HOST ?? '127.0.0.1',
    migrationsDir: resolve(cwd, asGiven.migrationsDir),
    migrate: argv.includes('--migrate'),
    embeddedDir: resolve(cwd, asGiven.embeddedDir),
    asGiven,
  };
}
