import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectMigrations, createProvider, sourcesFromList, type Database } from '@gander/core';
import { vectorServerTarget } from '@gander/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogs } from '../catalog/diff.js';
import { snapshotCatalog } from '../catalog/snapshot.js';
import { TestkitError } from '../errors.js';
import type { EphemeralServer } from '../server/ephemeral-server.js';
import { startEphemeralPostgres } from '../server/start-ephemeral.js';
import { DATA_STORAGE_MIGRATIONS } from '../test-support/server-database.js';
import { proveSquash } from './prove-squash.js';
import { explainByReread } from './reread-definitions.js';
import { squashMigrations } from './squash-migrations.js';

// Squash on the Data Storage schema's real target: PostgreSQL 16 with
// pgvector and its own pg_dump 16 (GANDER_PG_BIN; .ci/run installs pgserver's
// build). The embedded 17 test server ships no pg_dump: without GANDER_PG_BIN
// the file skips, saying why.

const target = vectorServerTarget();
const available = target.available && existsSync(join(target.binDir, 'pg_dump'));
if (!available) console.info(`[skip] squash on PostgreSQL 16 + pgvector: ${target.available ? `no pg_dump in ${target.binDir}` : target.why}`);

async function migrateDir(db: Database, dir: string): Promise<void> {
  const provider = await createProvider({ db, sources: await collectMigrations(dir) });
  const result = await provider.up();
  if (result.error) throw result.error;
}

describe.runIf(available)(`squash on ${target.available ? target.label : 'PostgreSQL 16 + pgvector'}`, () => {
  let server: EphemeralServer;
  let scratch: string;

  async function copyOfDataStorage(): Promise<string> {
    const dir = await mkdtemp(join(scratch, 'migrations-'));
    for (const name of await readdir(DATA_STORAGE_MIGRATIONS)) if (name.endsWith('.sql')) await cp(join(DATA_STORAGE_MIGRATIONS, name), join(dir, name));
    return dir;
  }

  /**
   * `up` on each folder in a fresh database: the catalog differences left once
   * the definitions PostgreSQL prints differently after re-reading pg_dump's
   * text are set apart (each checked on the server), and those.
   */
  async function compareFolders(oldDir: string, newDir: string): Promise<{ unexplained: string[]; reread: string[] }> {
    const oldDb = await server.createDatabase();
    const newDb = await server.createDatabase();
    try {
      await migrateDir(oldDb.db, oldDir);
      await migrateDir(newDb.db, newDir);
      const changes = compareCatalogs(await snapshotCatalog(oldDb.db), await snapshotCatalog(newDb.db));
      const { explained } = await explainByReread(oldDb.db, changes);
      const key = (c: { kind: string; name: string }) => `${c.kind} ${c.name}`;
      return {
        unexplained: changes.filter((c) => !explained.has(key(c)) && (c.foldedInto === undefined || explained.has(c.foldedInto))).map((c) => c.line),
        reread: changes.filter((c) => c.foldedInto === undefined && explained.has(key(c))).map((c) => c.line),
      };
    } finally {
      await oldDb.drop();
      await newDb.drop();
    }
  }

  beforeAll(async () => {
    server = await startEphemeralPostgres({ prefer: 'local-binaries' });
    scratch = await mkdtemp(join(tmpdir(), 'gander-squash-'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('squashes 001–004 into 004_squashed.sql, archives the four files, and 005–012 still apply on top to the same catalog', async () => {
    const dir = await copyOfDataStorage();
    const result = await squashMigrations({ dir, to: 4n, server });
    expect(result.written).toBe(true);
    expect(result.file).toBe('004_squashed.sql');
    expect(result.replaced).toEqual(['001_initial_schema.sql', '002_fix_partitioning.sql', '003_stored_procedures.sql', '004_add_effectiveness_assessment_due.sql']);
    expect(result.kept).toHaveLength(8);
    expect(result.server.version).toMatch(/^16\./);
    expect(result.pgDump.major).toBe(16);
    expect((await readdir(dir)).filter((n) => n.endsWith('.sql')).sort()[0]).toBe('004_squashed.sql');
    expect((await readdir(join(dir, 'archived-to-004'))).sort()).toEqual(result.replaced);
    const text = await readFile(join(dir, '004_squashed.sql'), 'utf8');
    expect(text).toMatch(/^-- gander dump: the schema at version 4\n/);
    expect(text).toContain('now in archived-to-004/.');

    // Set apart by the proof, and only CHECK constraints on varchar columns (IN lists) and views.
    expect(result.reread.length).toBeGreaterThan(0);
    for (const line of result.reread) expect(line).toMatch(/^~ (constraint chk_\w+ on public\.\w+|view public\.\w+): definition /);
    // The whole history: the squashed folder and 005–012 build what the original folder builds.
    const whole = await compareFolders(DATA_STORAGE_MIGRATIONS, dir);
    expect(whole.unexplained).toEqual([]);
    expect(whole.reread.length).toBeGreaterThanOrEqual(result.reread.length);
  }, 300_000);

  it('squashes all of 001–012, pgvector included, and a dry run writes nothing', async () => {
    const dir = await copyOfDataStorage();
    const before = (await readdir(dir)).sort();
    const dry = await squashMigrations({ dir, to: 12n, server, dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.text).toContain('CREATE EXTENSION IF NOT EXISTS "vector"'.replace(/"/g, ''));
    expect((await readdir(dir)).sort()).toEqual(before);
    const result = await squashMigrations({ dir, to: 12n, server });
    expect(result.kept).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['012_squashed.sql', 'archived-to-012']);
    const whole = await compareFolders(DATA_STORAGE_MIGRATIONS, dir);
    expect(whole.unexplained).toEqual([]);
    expect(whole.reread).toEqual(result.reread);
  }, 300_000);

  it('a database at or past the squash needs nothing; one below it is refused by the squashed file itself, naming the archive', async () => {
    const original = await copyOfDataStorage();
    const dir = await copyOfDataStorage();
    await squashMigrations({ dir, to: 4n, server });

    const past = await server.createDatabase();
    const below = await server.createDatabase();
    try {
      // At 6 through the old files: the squashed folder has 7–12 to run, and 004_squashed.sql is already applied.
      const oldProvider = await createProvider({ db: past.db, sources: await collectMigrations(original) });
      await oldProvider.upTo(6n);
      const onSquashed = await createProvider({ db: past.db, sources: await collectMigrations(dir) });
      const run = await onSquashed.up();
      expect(run.error).toBeUndefined();
      expect(run.results.map((r) => r.version)).toEqual([7n, 8n, 9n, 10n, 11n, 12n]);

      // At 2: 004_squashed.sql would run on half the schema; its guard stops it and nothing is recorded.
      await (await createProvider({ db: below.db, sources: await collectMigrations(original) })).upTo(2n);
      const refused = await (await createProvider({ db: below.db, sources: await collectMigrations(dir) })).up();
      expect(refused.error?.message).toMatch(/this database applied some of the migrations below 4 that this file replaces, but not all: apply the archived files in archived-to-004\/ beside this file first \(gander -dir <this folder>\/archived-to-004 up\), then the rest/);
      expect((await below.db.query<{ v: string }>('SELECT max(version_id)::text AS v FROM goose_db_version WHERE is_applied')).rows[0]?.v).toBe('2');
    } finally {
      await past.drop();
      await below.drop();
    }
  }, 300_000);

  it('refuses to write when the squashed file would build another schema, printing the difference', async () => {
    const dir = await mkdtemp(join(scratch, 'lossy-'));
    await writeFile(join(dir, '001_things.sql'), '-- +goose Up\nCREATE TABLE things (id int PRIMARY KEY);\n-- +goose Down\nDROP TABLE things;\n');
    // A table named like goose's lock table: a dump leaves goose_lock out, so the squashed file would lose it.
    await writeFile(join(dir, '002_lock_named_table.sql'), '-- +goose Up\nCREATE TABLE goose_lock (id int);\n-- +goose Down\nDROP TABLE goose_lock;\n');
    const error = await squashMigrations({ dir, to: 2n, server }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestkitError);
    expect((error as TestkitError).code).toBe('E_SQUASH_NOT_IDENTICAL');
    expect((error as TestkitError).message).toContain('squash to 2 refused, nothing was written');
    expect((error as TestkitError).message).toMatch(/\n {2}- table public\.goose_lock/);
    expect((await readdir(dir)).sort()).toEqual(['001_things.sql', '002_lock_named_table.sql']);
  }, 300_000);
  it('the proof sets apart a re-read definition only when it is the same one, and catches a Down that leaves something behind', async () => {
    const old = sourcesFromList([{ fileName: '001_t.sql', content: "-- +goose Up\nCREATE TABLE t (s varchar(10) CHECK (s IN ('a', 'b')));\n-- +goose Down\nDROP TABLE t;\n" }]);
    // What pg_dump writes for it: the IN list as PostgreSQL prints it, which it re-reads with the casts moved.
    const faithful = await proveSquash(server, old, {
      fileName: '001_squashed.sql',
      content: "-- +goose Up\nCREATE TABLE public.t (s character varying(10), CONSTRAINT t_s_check CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))));\n-- +goose Down\nDROP TABLE public.t;\n",
    });
    expect(faithful.upDiff).toEqual([]);
    expect(faithful.reread).toEqual([expect.stringMatching(/^~ constraint t_s_check on public\.t: definition CHECK/)]);
    expect(faithful.downDiff).toEqual([]);

    const wrong = await proveSquash(server, old, {
      fileName: '001_squashed.sql',
      content: "-- +goose Up\nCREATE TABLE public.t (s character varying(10), CONSTRAINT t_s_check CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'c'::character varying])::text[]))));\n-- +goose Down\nSELECT 1;\n",
    });
    expect(wrong.upDiff).toEqual([expect.stringMatching(/^~ constraint t_s_check on public\.t: definition CHECK .*'b'.* → CHECK .*'c'/)]);
    expect(wrong.reread).toEqual([]);
    expect(wrong.downDiff).toEqual([expect.stringMatching(/^\+ table public\.t/)]);
  }, 120_000);
});
