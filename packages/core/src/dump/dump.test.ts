import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GanderError } from '../errors.js';
import { parseMigrationSql } from '../parser/parse.js';
import { isDrifted } from '../provider/status.js';
import type { DbState } from '../provider/db-state.js';
import type { MigrationSource } from '../source/types.js';
import { parseDump } from './dump-entries.js';
import { gooseMigrationFromDump, needsStatementBlock } from './goose-file.js';
import { findPgDump, parsePgDumpVersion } from './pg-dump-binary.js';
import { pgDumpArguments, pgDumpEnvironment } from './run-pg-dump.js';
import { assertPgDumpMatches } from './server-version.js';
import { replacedChecksums, squashMarkerLine } from './squash-marker.js';

const TESTDATA = join(import.meta.dirname, 'testdata');
const HEADER = { version: 7n, serverVersion: '16.2', pgDumpVersion: '16.2' };

describe('a pg_dump output as a goose migration file (testdata: pg16-sample.dump.sql → pg16-sample.expected.sql)', () => {
  it('matches the expected file', async () => {
    const dump = await readFile(join(TESTDATA, 'pg16-sample.dump.sql'), 'utf8');
    const parsed = parseDump(dump);
    expect(parsed.serverVersion).toBe('16.2');
    expect(gooseMigrationFromDump(parsed.entries, HEADER)).toBe(await readFile(join(TESTDATA, 'pg16-sample.expected.sql'), 'utf8'));
  });

  it("drops pg_dump 17.6's \\restrict and \\unrestrict psql lines, which are not SQL", async () => {
    const dump = await readFile(join(TESTDATA, 'pg16-sample.dump.sql'), 'utf8');
    const restricted = dump.replace('\n--\n-- Name: audit;', '\n\\restrict Xy12abc\n\n--\n-- Name: audit;').replace(/\n$/, '\n\\unrestrict Xy12abc\n');
    expect(restricted).toContain('\\restrict Xy12abc');
    const text = gooseMigrationFromDump(parseDump(restricted).entries, HEADER);
    expect(text).not.toMatch(/restrict/);
    expect(text).toBe(await readFile(join(TESTDATA, 'pg16-sample.expected.sql'), 'utf8'));
  });

  it('goose splits the file into the statements pg_dump wrote: bodies in one piece, the session settings gone', async () => {
    const text = await readFile(join(TESTDATA, 'pg16-sample.expected.sql'), 'utf8');
    const parsed = parseMigrationSql(text);
    expect(parsed.useTx).toBe(true);
    expect(parsed.up[0]!.sql).toBe('SET LOCAL check_function_bodies = false;');
    expect(parsed.up.filter((s) => s.sql.includes('CREATE FUNCTION public.touch()'))[0]!.sql).toMatch(/RETURN NEW;\nEND;\n\$\$;$/);
    expect(text).not.toMatch(/set_config|^SET (statement_timeout|search_path|default_table_access_method)/m);
    expect(parsed.down.map((s) => s.sql)).toEqual([
      'DROP VIEW IF EXISTS "public"."happy_people" CASCADE;',
      'DROP TABLE IF EXISTS "public"."people" CASCADE;',
      'DROP SEQUENCE IF EXISTS "audit"."events_id_seq" CASCADE;',
      'DROP TABLE IF EXISTS "audit"."events" CASCADE;',
      'DROP FUNCTION IF EXISTS "public"."touch"() CASCADE;',
      'DROP FUNCTION IF EXISTS "public"."people_count"(bigint) CASCADE;',
      'DROP TYPE IF EXISTS "public"."mood" CASCADE;',
      'DROP SCHEMA IF EXISTS "audit" CASCADE;',
    ]);
  });

  it('wraps what goose would split: dollar quotes, a line ending in ; inside a statement, a +goose line', () => {
    expect(needsStatementBlock('CREATE TABLE t (id int);')).toBe(false);
    expect(needsStatementBlock('ALTER TABLE ONLY t\n    ADD CONSTRAINT k PRIMARY KEY (id);')).toBe(false);
    expect(needsStatementBlock('CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $_$SELECT 1$_$;')).toBe(true);
    expect(needsStatementBlock("COMMENT ON TABLE t IS 'a;\nb';")).toBe(true);
    expect(needsStatementBlock("COMMENT ON TABLE t IS 'x\n-- +goose Down\ny';")).toBe(true);
  });

  it('a squash guard opens the Up and the Down, reading the version table it is given', () => {
    const entries = parseDump('--\n-- Name: t; Type: TABLE; Schema: public; Owner: -\n--\n\nCREATE TABLE public.t (id integer);\n').entries;
    const text = gooseMigrationFromDump(entries, HEADER, { version: 7n, qualifiedTable: '"app"."versions"', archive: 'archived-to-007' });
    const parsed = parseMigrationSql(text);
    expect(parsed.up[0]!.sql).toMatch(/^DO \$gander_squash_guard\$\nBEGIN\n {2}IF to_regclass\('"app"\."versions"'\) IS NOT NULL AND EXISTS \(SELECT 1 FROM \(SELECT DISTINCT ON \(version_id\) version_id, is_applied FROM "app"\."versions" ORDER BY version_id, id DESC\) AS latest WHERE is_applied AND version_id > 0 AND version_id < 7\) THEN/);
    expect(parsed.up[0]!.sql).toContain('apply the archived files in archived-to-007/ beside this file first');
    expect(parsed.down[0]!.sql).toContain('rolling back 7 would drop the whole schema');
    expect(parsed.down[1]!.sql).toBe('DROP TABLE IF EXISTS "public"."t" CASCADE;');
  });
});

describe('pg_dump versions', () => {
  it('reads the version pg_dump prints', () => {
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 16.2\n')).toEqual({ version: '16.2', major: 16 });
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 17.6 (Debian 17.6-1.pgdg120+1)\n')).toEqual({ version: '17.6 (Debian 17.6-1.pgdg120+1)', major: 17 });
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 9.6.24\n')).toEqual({ version: '9.6.24', major: 906 });
    expect(parsePgDumpVersion('goose version: v3.26.0')).toBeUndefined();
  });

  it('refuses another major version, and only that', () => {
    const binary = { path: '/usr/bin/pg_dump', origin: 'PATH' as const, version: '17.6', major: 17 };
    expect(() => assertPgDumpMatches(binary, { version: '17.2', num: 170002, major: 17 })).not.toThrow();
    const error = (() => {
      try {
        assertPgDumpMatches(binary, { version: '16.2', num: 160002, major: 16 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GanderError);
    expect((error as GanderError).code).toBe('E_PG_DUMP_MISMATCH');
    expect((error as GanderError).message).toBe(
      'pg_dump 17.6 (/usr/bin/pg_dump, from PATH) does not match the server, PostgreSQL 16.2: the major versions differ (17 and 16), so no dump was made',
    );
  });

  describe('finding pg_dump (scripts that print a version stand in for the binaries)', () => {
    let root: string;
    const fake = async (dir: string, version: string) => {
      const path = join(root, dir, 'pg_dump');
      await (await import('node:fs/promises')).mkdir(join(root, dir), { recursive: true });
      await writeFile(path, `#!/bin/sh\necho 'pg_dump (PostgreSQL) ${version}'\n`);
      await chmod(path, 0o755);
      return path;
    };
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'gander-find-pg-dump-'));
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('prefers a later PATH entry with the server major over an earlier one with another', async () => {
      await fake('a', '15.8');
      const sixteen = await fake('b', '16.4');
      const found = await findPgDump({ env: { PATH: `${join(root, 'a')}:${join(root, 'b')}` }, wantMajor: 16 });
      expect(found).toMatchObject({ path: sixteen, origin: 'PATH', major: 16 });
      // Nothing matches: the first one found, which the caller then refuses.
      expect(await findPgDump({ env: { PATH: `${join(root, 'a')}:${join(root, 'b')}` }, wantMajor: 17 })).toMatchObject({ major: 15 });
    });

    it('uses the one GANDER_PG_DUMP names even when another on PATH would match', async () => {
      const fifteen = await fake('c', '15.8');
      await fake('d', '16.4');
      expect(await findPgDump({ env: { GANDER_PG_DUMP: fifteen, PATH: join(root, 'd') }, wantMajor: 16 })).toMatchObject({ path: fifteen, origin: 'GANDER_PG_DUMP', major: 15 });
    });

    it('says so when there is none, or the one named is not a program', async () => {
      await expect(findPgDump({ env: { PATH: join(root, 'nowhere') }, wantMajor: 16 })).rejects.toMatchObject({
        code: 'E_PG_DUMP_NOT_FOUND',
        hint: 'install pg_dump 16 (e.g. apt-get install postgresql-client-16), or pass --pg-dump PATH',
      });
      await expect(findPgDump({ explicit: join(root, 'missing'), env: {} })).rejects.toMatchObject({ code: 'E_PG_DUMP_NOT_FOUND' });
    });
  });
});

describe('the pg_dump child', () => {
  it('gets the password in PGPASSWORD, none of our PG* variables, and no secret in its arguments', () => {
    const env = pgDumpEnvironment({ host: 'db', port: 5433, user: 'app', password: 's3cr3t', database: 'app' }, { PATH: '/bin', PGSERVICE: 'prod', PGDATABASE: 'other' });
    expect(env).toEqual({ PATH: '/bin', PGHOST: 'db', PGPORT: '5433', PGUSER: 'app', PGPASSWORD: 's3cr3t', PGDATABASE: 'app', PGAPPNAME: 'gander dump', LC_ALL: 'C' });
    expect(pgDumpArguments(['*."goose_db_version"']).join(' ')).toBe(
      '--schema-only --no-owner --no-privileges --no-tablespaces --no-subscriptions --no-publications --no-security-labels --exclude-table=*."goose_db_version"',
    );
  });
});

describe('a squashed file at the version of the file it replaced is not drift', () => {
  const state = { applied: new Map([[4n, new Date()]]) } as unknown as DbState;
  const old = 'a'.repeat(64);
  const source = (content: string): MigrationSource => ({ version: 4n, fileName: '004_squashed.sql', path: '004_squashed.sql', kind: 'sql', description: 'squashed', content, checksum: 'b'.repeat(64) });

  it('names the checksum it replaces in its header, and only that one is accepted', () => {
    const squashed = `-- gander dump: the schema at version 4\n${squashMarkerLine('004_x.sql', old)}\n\n-- +goose Up\nSELECT 1;\n`;
    expect([...replacedChecksums(squashed)]).toEqual([old]);
    expect(isDrifted(source(squashed), state, { checksum: old } as never)).toBe(false);
    expect(isDrifted(source(squashed), state, { checksum: 'c'.repeat(64) } as never)).toBe(true);
    // The checksum of a replaced file at another version does not vouch for this one.
    const lower = `${squashMarkerLine('003_y.sql', 'c'.repeat(64))}\n${squashMarkerLine('004_x.sql', old)}\n-- +goose Up\nSELECT 1;\n`;
    expect([...replacedChecksums(lower)].sort()).toEqual([old, 'c'.repeat(64)].sort());
    expect(isDrifted(source(lower), state, { checksum: 'c'.repeat(64) } as never)).toBe(true);
    expect(isDrifted(source(lower), state, { checksum: old } as never)).toBe(false);
    // A marker below `-- +goose Up` is a comment in the migration, not the header: it does not count.
    expect(isDrifted(source(`-- +goose Up\n${squashMarkerLine('004_x.sql', old)}\nSELECT 1;\n`), state, { checksum: old } as never)).toBe(true);
  });
});
