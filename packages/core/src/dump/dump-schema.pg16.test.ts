import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, startLocalPostgres, vectorServerTarget, type LocalPostgres } from '@gander/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDatabase } from '../db/pg-adapter.js';
import type { Database } from '../db/database.js';
import { GanderError } from '../errors.js';
import { parseMigrationSql } from '../parser/parse.js';
import { dumpSchema } from './dump-schema.js';
import { connectionFromUrl } from './run-pg-dump.js';

// dumpSchema on a real PostgreSQL 16 with its own pg_dump 16 (GANDER_PG_BIN:
// .ci/run installs pgserver's build, which has both). The embedded test server
// (17) ships no pg_dump, so without GANDER_PG_BIN the file skips, saying why.

const target = vectorServerTarget();
const pgDumpPath = target.available ? join(target.binDir, 'pg_dump') : '';
const available = target.available && existsSync(pgDumpPath);
if (!available) console.info(`[skip] dumpSchema on PostgreSQL 16: ${target.available ? `no pg_dump in ${target.binDir}` : target.why}`);

async function inOneTransaction(db: Database, statements: readonly { sql: string }[]): Promise<void> {
  const session = await db.session();
  try {
    await session.exec('BEGIN');
    for (const statement of statements) await session.exec(statement.sql);
    await session.exec('COMMIT');
  } finally {
    await session.release();
  }
}

// A real pg_dump of another major version, when the machine has one (Debian's postgresql-client-15).
const otherPgDump = ['15', '14', '17', '13']
  .map((major) => `/usr/lib/postgresql/${major}/bin/pg_dump`)
  .find((path) => existsSync(path));
if (available && !otherPgDump) console.info('[skip] a real mismatched pg_dump: no /usr/lib/postgresql/{13,14,15,17}/bin/pg_dump (apt-get install postgresql-client-15)');

const SAMPLE = join(import.meta.dirname, 'testdata', 'sample-schema.sql');

describe.runIf(available)('dumpSchema on PostgreSQL 16 with pg_dump 16', () => {
  let server: LocalPostgres;
  let scratch: string;

  async function freshDatabase(): Promise<{ db: Database; url: string }> {
    const { url } = await createTestDatabase(server.url, 'dump');
    return { db: await pgDatabase(url), url };
  }

  beforeAll(async () => {
    if (!target.available) return;
    server = await startLocalPostgres({ binDir: target.binDir });
    scratch = await mkdtemp(join(tmpdir(), 'gander-dump-'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('writes a goose file whose Up rebuilds the schema through goose splitting, without the version tables, and whose Down drops it', async () => {
    const source = await freshDatabase();
    await source.db.exec(await readFile(SAMPLE, 'utf8'));
    await source.db.exec('CREATE TABLE goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())');
    await source.db.exec('CREATE TABLE gander_migration_log (id bigserial PRIMARY KEY, version bigint)');
    const dump = await dumpSchema({ db: source.db, connection: connectionFromUrl(source.url), version: 7n, pgDump: pgDumpPath });
    await source.db.close();

    expect(dump.server.major).toBe(16);
    expect(dump.pgDump.major).toBe(16);
    expect(dump.text).toMatch(/^-- gander dump: the schema at version 7\n-- server PostgreSQL 16\.\d+, pg_dump 16\.\d+ /);
    expect(dump.text).not.toMatch(/goose_db_version|gander_migration_log/);
    expect(dump.text).not.toMatch(/set_config\('search_path'/);
    // The PL/pgSQL body is one statement for goose's splitter.
    const parsed = parseMigrationSql(dump.text);
    const touch = parsed.up.filter((s) => s.sql.includes('CREATE FUNCTION public.touch()'));
    expect(touch).toHaveLength(1);
    expect(touch[0]!.sql).toContain('RETURN NEW;\nEND;');
    expect(parsed.up.some((s) => s.sql.startsWith("COMMENT ON TABLE public.people IS 'everyone;\neven the sad ones'"))).toBe(true);

    // Applied statement by statement (as goose sends them) on an empty database, in one transaction.
    const copy = await freshDatabase();
    await inOneTransaction(copy.db, parsed.up);
    const tables = async () =>
      (await copy.db.query<{ t: string }>("SELECT string_agg(schemaname || '.' || tablename, ',' ORDER BY schemaname, tablename) AS t FROM pg_tables WHERE schemaname IN ('public', 'audit')")).rows[0]!.t;
    expect(await tables()).toBe('audit.events,public.people');
    expect((await copy.db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_trigger WHERE tgname = 'people_touch'")).rows[0]!.n).toBe('1');
    // The SQL function that names a table created after it (check_function_bodies is off in the Up, as in pg_restore).
    expect(dump.text.indexOf('CREATE FUNCTION public.people_count')).toBeLessThan(dump.text.indexOf('CREATE TABLE public.people ('));

    await inOneTransaction(copy.db, parsed.down);
    expect(await tables()).toBeNull();
    const left = await copy.db.query<{ n: string }>(
      "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'audit') + (SELECT count(*) FROM pg_type WHERE typname = 'mood') + (SELECT count(*) FROM pg_proc WHERE proname IN ('touch', 'people_count')) AS n",
    );
    expect(String(left.rows[0]!.n)).toBe('0');
    await copy.db.close();
  });

  it('refuses a pg_dump of another major version, naming both and what to install, and never runs it to dump', async () => {
    const source = await freshDatabase();
    const calls = join(scratch, 'calls.log');
    const fake = join(scratch, 'pg_dump');
    // Only `--version` is faked: anything else would be a dump, which must not happen.
    await writeFile(fake, `#!/bin/sh\necho "$@" >> '${calls}'\nif [ "$1" = "--version" ]; then echo 'pg_dump (PostgreSQL) 15.8'; exit 0; fi\nexec '${pgDumpPath}' "$@"\n`);
    await chmod(fake, 0o755);
    const error = await dumpSchema({ db: source.db, connection: connectionFromUrl(source.url), version: 0n, pgDump: fake }).catch((e: unknown) => e);
    await source.db.close();
    expect(error).toBeInstanceOf(GanderError);
    expect((error as GanderError).code).toBe('E_PG_DUMP_MISMATCH');
    expect((error as GanderError).message).toMatch(/^pg_dump 15\.8 \(.*pg_dump, from --pg-dump\) does not match the server, PostgreSQL 16\.\d+: the major versions differ \(15 and 16\), so no dump was made$/);
    expect((error as GanderError).hint).toContain('install pg_dump 16 (e.g. apt-get install postgresql-client-16');
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual(['--version']);
  });

  it.runIf(otherPgDump !== undefined)('refuses a real pg_dump of another major version found on PATH when none matches', async () => {
    const source = await freshDatabase();
    const error = await dumpSchema({ db: source.db, connection: connectionFromUrl(source.url), version: 0n, env: { PATH: join(otherPgDump!, '..') } }).catch((e: unknown) => e);
    await source.db.close();
    expect((error as GanderError).code).toBe('E_PG_DUMP_MISMATCH');
    expect((error as GanderError).message).toMatch(new RegExp(`^pg_dump \\d+\\.\\d+ .*\\(${otherPgDump!.replace(/\//g, '\\/')}, from PATH\\) does not match the server, PostgreSQL 16\\.\\d+: the major versions differ \\(\\d+ and 16\\), so no dump was made$`));
  });

  it('passes the password to pg_dump in PGPASSWORD, never in its arguments', async () => {
    const source = await freshDatabase();
    const seen = join(scratch, 'seen.log');
    const spy = join(scratch, 'pg_dump_spy');
    await writeFile(spy, `#!/bin/sh\nif [ "$1" != "--version" ]; then echo "ARGS $*" >> '${seen}'; echo "PGPASSWORD $PGPASSWORD" >> '${seen}'; fi\nexec '${pgDumpPath}' "$@"\n`);
    await chmod(spy, 0o755);
    const connection = connectionFromUrl(source.url);
    expect(connection.password).toBeTruthy();
    await dumpSchema({ db: source.db, connection, version: 0n, pgDump: spy });
    await source.db.close();
    const lines = (await readFile(seen, 'utf8')).trim().split('\n');
    expect(lines[0]).toMatch(/^ARGS --schema-only /);
    expect(lines[0]).not.toContain(connection.password!);
    expect(lines[1]).toBe(`PGPASSWORD ${connection.password}`);
    // And the real pg_dump 16 is found beside the server binaries without being named.
    expect(execFileSync(pgDumpPath, ['--version'], { encoding: 'utf8' })).toMatch(/^pg_dump \(PostgreSQL\) 16\./);
  });
});
