import type pg from 'pg';
import { GanderError } from '../errors.js';
import type { Database, QueryResult, Session } from './database.js';
import { maskConnectionString } from './mask.js';
import { importOptional } from './optional-import.js';

/** What `pgDatabase` accepts: a connection string, a pg config, or a Pool/Client you own. */
export type PgTarget = string | pg.PoolConfig | { pool: pg.Pool } | { client: pg.Client };

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

function wrapConnectionError(error: unknown, target: string): GanderError {
  const message = error instanceof Error ? error.message : String(error);
  return new GanderError('E_CONNECTION', `cannot connect to ${target}: ${message}`, {
    hint: 'check that the server is running and the connection string (host, port, user, password, dbname, sslmode) is right',
    cause: error,
  });
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('E') || code === '28P01' || code === '28000' || code === '3D000' || code === '08006' || code === '08001')
  );
}

/**
 * If our process dies (kill -9, OOM) mid-statement, PostgreSQL only notices
 * when it next talks to us: a long statement would keep running, and keep the
 * migration lock, until it ends. PostgreSQL 14+ can poll the socket instead;
 * ask for that on the migration session. Older servers do not know the
 * setting: nothing lost.
 */
async function watchForDeadClient(client: pg.PoolClient): Promise<void> {
  try {
    await client.query("SET client_connection_check_interval = '1s'");
  } catch {
    // PostgreSQL < 14, or a platform without the poll: keep the default.
  }
}

function hasSqlState(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function queryable(conn: PgQueryable): Pick<Database, 'query' | 'exec'> {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      const result = await conn.query(sql, params ? [...params] : undefined);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string): Promise<void> {
      // No values → node-postgres uses the simple query protocol, as goose does via pgx.
      await conn.query(sql);
    },
  };
}

function describeConfig(config: pg.PoolConfig): string {
  if (config.connectionString) return maskConnectionString(config.connectionString);
  const host = typeof config.host === 'string' ? config.host : 'localhost';
  return `postgres://${config.user ?? ''}${config.user ? '@' : ''}${host}:${config.port ?? 5432}/${config.database ?? ''}`;
}

/**
 * node-postgres adapter. A string or config opens a Pool that `close()` ends;
 * a Pool or Client passed in stays the caller's.
 */
export async function pgDatabase(target: PgTarget): Promise<Database> {
  if (typeof target === 'object' && 'client' in target) return clientDatabase(target.client);
  const owned = !(typeof target === 'object' && 'pool' in target);
  let pool: pg.Pool;
  let label: string;
  if (typeof target === 'object' && 'pool' in target) {
    pool = target.pool;
    label = describeConfig((pool as unknown as { options: pg.PoolConfig }).options ?? {});
  } else {
    const config: pg.PoolConfig = typeof target === 'string' ? { connectionString: target } : { ...target };
    config.application_name ??= 'gander';
    config.max ??= 4;
    label = describeConfig(config);
    // Loaded only to make a pool: a Pool passed in may come from another copy of pg (the CLI bundles its own).
    const mod = await importOptional<{ default: typeof pg }>('pg', 'the postgres driver');
    pool = new mod.default.Pool(config);
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => undefined);
  }
  const base = queryable(pool);
  return {
    kind: 'postgres',
    target: label,
    async query(sql, params) {
      try {
        return await base.query(sql, params);
      } catch (error) {
        throw isConnectionFailure(error) ? wrapConnectionError(error, label) : error;
      }
    },
    exec: base.exec,
    async session(): Promise<Session> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw wrapConnectionError(error, label);
      }
      await watchForDeadClient(client);
      let released = false;
      let broken = false;
      // pg-pool drops its error listener on checkout: a server that goes away
      // while we hold the client would otherwise crash the process with an
      // unhandled 'error' event. The failing query reports it instead.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      const ops = queryable(client);
      // A query that failed without an SQLSTATE lost its connection: the pool
      // must destroy that client, not hand it out again.
      const guard = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          if (!hasSqlState(error)) broken = true;
          throw error;
        }
      };
      return {
        query: (sql, params) => guard(() => ops.query(sql, params)),
        exec: (sql) => guard(() => ops.exec(sql)),
        async release() {
          if (released) return;
          released = true;
          client.removeListener('error', onError);
          client.release(broken);
        },
      };
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}

function clientDatabase(client: pg.Client): Database {
  const label = describeConfig({
    host: client.host,
    port: client.port,
    user: client.user,
    database: client.database,
  } as pg.PoolConfig);
  const base = queryable(client);
  return {
    kind: 'postgres',
    target: label,
    ...base,
    // A single Client is its own session: migrations and the lock share it.
    async session(): Promise<Session> {
      return { ...base, release: async () => undefined };
    },
    async close() {
      // The caller's client: theirs to end.
    },
  };
}
