import { randomBytes } from 'node:crypto';

/** One database on a shared server, created for one test file and dropped after it. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

interface PgClientLike {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
type PgClientCtor = new (config: { connectionString: string }) => PgClientLike;

async function loadPgClient(): Promise<PgClientCtor> {
  const moduleName = 'pg';
  const mod = (await import(moduleName)) as { default: { Client: PgClientCtor } };
  return mod.default.Client;
}

async function withAdmin<T>(serverUrl: string, run: (client: PgClientLike) => Promise<T>): Promise<T> {
  const Client = await loadPgClient();
  const client = new Client({ connectionString: serverUrl });
  // A server shutting down under us must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Create a uniquely named database on the server at `serverUrl` (a superuser
 * URL, or a role with CREATEDB). The name says where it came from, so a
 * database left behind by a killed run is easy to spot and drop.
 */
export async function createTestDatabase(serverUrl: string, prefix = 'gander_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`invalid test database prefix: ${prefix}`);
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
