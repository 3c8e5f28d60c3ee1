import { GanderError } from '../errors.js';
import type { PgDumpBinary } from './pg-dump-binary.js';

/**
 * How pg_dump reaches the database, as libpq environment variables: the
 * password travels in PGPASSWORD, never on the command line where `ps` shows it.
 */
export interface PgDumpConnection {
  host?: string | undefined;
  port?: number | undefined;
  user?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  sslmode?: string | undefined;
  sslrootcert?: string | undefined;
  sslcert?: string | undefined;
  sslkey?: string | undefined;
  /** Startup options (`-c search_path=…`). */
  options?: string | undefined;
}

/** A `postgres://user:password@host:port/db?sslmode=…` URL as connection settings. */
export function connectionFromUrl(url: string): PgDumpConnection {
  const parsed = new URL(url);
  const query = parsed.searchParams;
  return {
    host: parsed.hostname ? decodeURIComponent(parsed.hostname) : query.get('host') ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: parsed.pathname.length > 1 ? decodeURIComponent(parsed.pathname.slice(1)) : undefined,
    sslmode: query.get('sslmode') ?? undefined,
  };
}

/** The child's environment: ours without any PG* variable (a stray PGSERVICE or PGDATABASE must not redirect the dump), then the connection. */
export function pgDumpEnvironment(connection: PgDumpConnection, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('PG')) env[key] = value;
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') env[key] = String(value);
  };
  set('PGHOST', connection.host);
  set('PGPORT', connection.port);
  set('PGUSER', connection.user);
  set('PGPASSWORD', connection.password);
  set('PGDATABASE', connection.database);
  set('PGSSLMODE', connection.sslmode);
  set('PGSSLROOTCERT', connection.sslrootcert);
  set('PGSSLCERT', connection.sslcert);
  set('PGSSLKEY', connection.sslkey);
  set('PGOPTIONS', connection.options);
  set('PGAPPNAME', 'gander dump');
  env.LC_ALL = 'C';
  return env;
}

/** pg_dump's flags for a schema that becomes a migration: no data, no owners or grants, none of the version tables. */
export function pgDumpArguments(excludeTables: readonly string[]): string[] {
  return [
    '--schema-only',
    '--no-owner',
    '--no-privileges',
    '--no-tablespaces',
    '--no-subscriptions',
    '--no-publications',
    '--no-security-labels',
    ...excludeTables.map((table) => `--exclude-table=${table}`),
  ];
}

/** Run pg_dump and return its SQL; a failure carries pg_dump's own message (it never contains the password: that is in the environment). */
export async function runPgDump(binary: PgDumpBinary, connection: PgDumpConnection, excludeTables: readonly string[]): Promise<string> {
  // Loaded here, not with core: child_process (and the dgram and net it pulls in) costs every cold start of a
  // service or a CLI command a few milliseconds, and only dump runs a child.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(binary.path, pgDumpArguments(excludeTables), { env: pgDumpEnvironment(connection), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new GanderError('E_PG_DUMP_FAILED', `could not run ${binary.path}: ${error.message}`, { hint: 'check the --pg-dump path', cause: error })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(out).toString('utf8'));
        return;
      }
      const stderr = Buffer.concat(err).toString('utf8').trim();
      reject(
        new GanderError('E_PG_DUMP_FAILED', `pg_dump ${binary.version} failed (${signal ? `signal ${signal}` : `exit ${code}`}): ${stderr || 'no message'}`, {
          hint: 'pg_dump needs to read every object of the database: run it as the owner or a superuser',
        }),
      );
    });
  });
}
