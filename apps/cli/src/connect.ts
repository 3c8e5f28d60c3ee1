import { isAbsolute, join, resolve } from 'node:path';
import type pg from 'pg';
import {
  EMBEDDED_DATA_DIR,
  GanderError,
  maskConnectionString,
  pgDatabase,
  pgliteDatabase,
  type DataDirLockOptions,
  type Database,
  type Session,
} from '@gander/core';
import type { Env } from './args/dotenv.js';
import { goQuote } from './args/go-strconv.js';
import { DsnError } from './dsn/key-value.js';
import { parseDsn, type PgSettings } from './dsn/parse-dsn.js';
import { pgConfig, tlsFiles, type PgConfig, type TlsFlags } from './dsn/pg-config.js';
import { endsTlsAttempts, loadTlsMaterial, tlsAttempts, tlsConfig } from './dsn/tls.js';
import { takeEarlyConnection } from './early-connect.js';
import { CliError } from './errors.js';
import { loadPg, newPool } from './pg-driver.js';
import { stoppable, withSessions } from './stop-between.js';

export { pgConfig, type PgConfig, type TlsFlags } from './dsn/pg-config.js';

/** Where the commands run, resolved from DRIVER and DBSTRING (or the embedded default). */
export type Target =
  | { driver: 'postgres'; settings: PgSettings; display: string }
  | { driver: 'pglite'; dataDir: string; display: string; embedded: boolean };

// goose's other dialects (dialect.go): named so the error can say why.
const OTHER_GOOSE_DRIVERS = new Set([
  'mysql',
  'tidb',
  'sqlite3',
  'sqlite',
  'mssql',
  'azuresql',
  'sqlserver',
  'clickhouse',
  'vertica',
  'ydb',
  'turso',
  'starrocks',
  'spanner',
  'redshift',
]);

/** The default when no driver is given: PGlite in .gander/pglite under the working directory. */
export function embeddedTarget(cwd: string): Target {
  return { driver: 'pglite', dataDir: join(cwd, EMBEDDED_DATA_DIR), display: `pglite:${EMBEDDED_DATA_DIR}`, embedded: true };
}

export function resolveTarget(driver: string, dbstring: string, cwd: string, env: Env): Target {
  switch (driver) {
    case 'postgres':
    case 'pgx': {
      let settings: PgSettings;
      try {
        settings = parseDsn(dbstring, env);
      } catch (error) {
        if (!(error instanceof DsnError)) throw error;
        throw new CliError('E_INVALID_DSN', `-dbstring: ${error.message}`, {
          hint: 'use key=value pairs (host=localhost port=5432 user=app dbname=app sslmode=disable) or a URL (postgres://user:password@host:5432/db?sslmode=disable)',
        });
      }
      return { driver: 'postgres', settings, display: maskConnectionString(dbstring) };
    }
    case 'pglite': {
      const memory = dbstring === 'memory://' || dbstring === '';
      const dataDir = memory ? 'memory://' : isAbsolute(dbstring) ? dbstring : resolve(cwd, dbstring);
      return { driver: 'pglite', dataDir, display: memory ? 'pglite:memory://' : `pglite:${dbstring}`, embedded: false };
    }
    default:
      if (OTHER_GOOSE_DRIVERS.has(driver)) {
        throw new CliError('E_UNSUPPORTED_DRIVER', `${goQuote(driver)}: gander supports PostgreSQL only`, {
          hint: 'use goose itself for this database; for PostgreSQL use the postgres (or pgx) driver, or pglite for the embedded one',
        });
      }
      throw new CliError('E_UNSUPPORTED_DRIVER', `${goQuote(driver)}: unknown dialect`, {
        hint: 'the DRIVER is postgres (or pgx) or pglite: gander DRIVER DBSTRING COMMAND',
      });
  }
}

/** What the DBSTRING holds that must never be printed. */
export function targetSecrets(target: Target | undefined): string[] {
  const password = target?.driver === 'postgres' ? target.settings.password : undefined;
  if (!password) return [];
  // A message may quote it as typed in a URL: percent-encoded.
  const encoded = encodeURIComponent(password);
  return encoded === password ? [password] : [password, encoded];
}

/** A database whose running statements can be cancelled from the outside (-timeout). */
export interface OpenedDatabase {
  db: Database;
  /** Cancel what every open session is running (pg_cancel_backend from another connection). */
  cancelRunning(): Promise<void>;
}

/**
 * Wrap a postgres Database so each session remembers its backend pid: on
 * -timeout, a second connection cancels the statement the way goose's
 * context cancellation does through pgx.
 */
function cancellable(inner: Database): OpenedDatabase {
  const stop = stoppable(inner);
  const pids = new Set<number>();
  const db = withSessions(inner, async (): Promise<Session> => {
    const session = await stop.db.session();
    const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = rows[0]?.pid;
    if (pid !== undefined) pids.add(pid);
    return {
      query: (sql, params) => session.query(sql, params),
      exec: (sql) => session.exec(sql),
      async release() {
        if (pid !== undefined) pids.delete(pid);
        await session.release();
      },
    };
  });
  return {
    db,
    async cancelRunning() {
      // Between two statements there is nothing to cancel on the server: fail the next one instead.
      if (!stop.busy()) return stop.stop();
      for (const pid of pids) await inner.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
    },
  };
}

/** core's adapter over a pool of ours: closing the database ends the pool. */
async function poolDatabase(pool: pg.Pool): Promise<Database> {
  const db = await pgDatabase({ pool });
  return { ...db, close: () => pool.end() };
}

/** A stand-in pool whose connection fails as the early attempt's did: pgDatabase reports it as it reports its own. */
function replay(config: PgConfig, error: unknown): pg.Pool {
  return { options: config, query: () => Promise.reject(error) } as unknown as pg.Pool;
}

/** A status or history reads a few pages (PostgreSQL allows down to 128kB); a page pushed out is read again, not lost. */
const READ_ONLY_SHARED_BUFFERS = '1MB';

/**
 * Open the target; for postgres, connect once now so a bad DBSTRING fails before anything else.
 * `extensions` (what the migrations CREATE EXTENSION, with the files) are loaded into PGlite,
 * which can load an extension only at start-up.
 */
export async function openTarget(
  target: Target,
  flags: TlsFlags,
  cwd: string,
  extensions: ReadonlyMap<string, readonly string[]> = new Map(),
  dataDirLock: DataDirLockOptions = {},
  readOnly = false,
): Promise<OpenedDatabase> {
  if (target.driver === 'pglite') {
    // The data directory is locked for this process's use (another gander waits, then refuses naming us).
    // One in-process session: a statement cannot be cancelled from outside, so a stop fails the next one.
    // A read-only command reads a few pages of bookkeeping: PGlite's 128MB buffer pool costs more to
    // set up than the whole query (bench/README.md, "Embedded status").
    const stop = stoppable(
      await pgliteDatabase({ dataDir: target.dataDir, extensions, lock: dataDirLock, ...(readOnly ? { sharedBuffers: READ_ONLY_SHARED_BUFFERS } : {}) }),
    );
    return { db: stop.db, cancelRunning: async () => stop.stop() };
  }
  const { settings } = target;
  const files = tlsFiles(settings, flags);
  // The attempts made while the CLI's command modules loaded (early-connect.ts), for exactly this target:
  // a connected pool is taken over, a failed attempt's error is replayed through the same adapter (so it
  // reads as it would have), and attempts it did not make are made now.
  const early = await takeEarlyConnection(settings, files, cwd);
  const material = await loadTlsMaterial(files, cwd);
  const attempts = tlsAttempts(settings, files);
  let lastError: unknown;
  for (const [i, attempt] of attempts.entries()) {
    const config = pgConfig(settings, tlsConfig(attempt, material, settings.host));
    const made = early?.[i];
    if (made !== undefined && 'pool' in made) return cancellable(await poolDatabase(made.pool));
    // core gets a pool made from the CLI's own node-postgres (pg-driver.ts), never a config to make one from.
    const db = made === undefined ? await poolDatabase(newPool(await loadPg(), config)) : await pgDatabase({ pool: replay(config, made.error) });
    try {
      await db.query('SELECT 1');
      return cancellable(db);
    } catch (error) {
      lastError = error;
      await db.close().catch(() => undefined);
      if (i === attempts.length - 1 || endsTlsAttempts(error)) break;
    }
  }
  if (lastError instanceof GanderError) throw lastError;
  const message = lastError instanceof Error ? lastError.message : String(lastError);
  throw new GanderError('E_CONNECTION', `cannot connect to ${target.display}: ${message}`, {
    hint: 'check that the server is running and the connection string (host, port, user, password, dbname, sslmode) is right',
    cause: lastError,
  });
}
