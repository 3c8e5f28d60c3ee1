import type { Database } from '@gander/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../database/reset-database.js';
import type { EphemeralDatabase } from '../server/ephemeral-server.js';
import { serverDatabase } from '../test-support/server-database.js';
import { compareCatalogs, diffCatalogs } from './diff.js';
import { snapshotCatalog } from './snapshot.js';

let database: EphemeralDatabase;
let db: Database;

beforeAll(async () => {
  database = await serverDatabase();
  db = database.db;
});
afterAll(() => database.drop());
beforeEach(() => resetDatabase(db));

/** The diff lines a change makes to a database prepared with `setup`. */
async function diffOf(setup: string, change: string): Promise<string[]> {
  if (setup) await db.exec(setup);
  const before = await snapshotCatalog(db);
  await db.exec(change);
  return diffCatalogs(before, await snapshotCatalog(db));
}

describe('diffCatalogs lines', () => {
  it('an added index', async () => {
    expect(await diffOf('CREATE TABLE t (x int)', 'CREATE INDEX idx_x ON t (x)')).toEqual([
      '+ index idx_x on public.t: CREATE INDEX idx_x ON public.t USING btree (x)',
    ]);
  });

  it('a dropped column, with its type', async () => {
    expect(await diffOf('CREATE TABLE t (a int, c integer)', 'ALTER TABLE t DROP COLUMN c')).toEqual(['- column public.t.c (integer)']);
  });

  it('a changed function body', async () => {
    const f = (n: number) => `CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x + ${n} $$`;
    expect(await diffOf(f(1), f(2))).toEqual(['~ function public.f(x integer): definition changed']);
  });

  it('a column whose type, default and nullability changed', async () => {
    expect(
      await diffOf('CREATE TABLE t (c integer)', 'ALTER TABLE t ALTER COLUMN c TYPE bigint, ALTER COLUMN c SET DEFAULT 7, ALTER COLUMN c SET NOT NULL'),
    ).toContain('~ column public.t.c: type integer → bigint; not null false → true; default (none) → 7');
  });

  it('a column dropped and added again ends up last: its position changes', async () => {
    const lines = await diffOf('CREATE TABLE t (a int, b int, c int)', 'ALTER TABLE t DROP COLUMN b; ALTER TABLE t ADD COLUMN b int');
    expect(lines).toEqual(['~ column public.t.b: position 2 → 3', '~ column public.t.c: position 3 → 2']);
  });

  it('constraints, triggers, views, sequences, enums, comments and schemas', async () => {
    const lines = await diffOf(
      `CREATE TYPE mood AS ENUM ('sad', 'ok');
       CREATE TABLE t (id int PRIMARY KEY, n int);
       CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`,
      `ALTER TYPE mood ADD VALUE 'happy';
       ALTER TABLE t ADD CONSTRAINT chk_n CHECK (n > 0);
       CREATE TRIGGER trg_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
       CREATE VIEW v AS SELECT id FROM t;
       CREATE SEQUENCE s AS integer START 10;
       COMMENT ON COLUMN t.n IS 'how many';
       CREATE SCHEMA app;`,
    );
    expect(lines).toEqual([
      "+ comment on table column public.t.n: \"how many\"",
      '+ constraint chk_n on public.t: CHECK ((n > 0))',
      '+ schema app',
      '+ sequence public.s (integer)',
      '+ trigger trg_touch on public.t: CREATE TRIGGER trg_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch()',
      "~ type public.mood: definition 'sad', 'ok' → 'sad', 'ok', 'happy'",
      '+ view public.v [with 1 column]',
    ]);
  });

  it('an extension is one object: the functions and types it brings are its own', async () => {
    const lines = await diffOf('', 'CREATE EXTENSION pgcrypto');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\+ extension pgcrypto \([\d.]+, schema public\)$/);
  });

  it('folds the copies on partitions and the parts of a new table into one line', async () => {
    const lines = await diffOf(
      `CREATE TABLE m (id int, at date NOT NULL, x int) PARTITION BY RANGE (at);
       CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
       CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
      `CREATE INDEX idx_m_x ON m (x);
       CREATE TABLE extra (id bigserial PRIMARY KEY, note text);`,
    );
    expect(lines).toEqual([
      '+ index idx_m_x on public.m: CREATE INDEX idx_m_x ON ONLY public.m USING btree (x) [with 2 indexes on partitions]',
      expect.stringMatching(/^\+ table public\.extra \(table\) \[with 2 columns, \d+ constraints?, 1 sequence\]$/),
    ]);
    const changes = compareCatalogs(await snapshotCatalog(db), await snapshotCatalog(db));
    expect(changes).toEqual([]);
  });
});

describe('snapshotCatalog', () => {
  it('leaves out the version table and the audit table, and the schemas not asked for', async () => {
    await db.exec(`CREATE TABLE goose_db_version (id serial PRIMARY KEY, version_id bigint);
                   CREATE TABLE gander_migration_log (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);
                   CREATE SCHEMA app; CREATE TABLE app.kept (id int); CREATE TABLE public.other (id int);`);
    const all = await snapshotCatalog(db);
    expect(all.objects.filter((o) => o.kind === 'table').map((o) => o.name)).toEqual(['app.kept', 'public.other']);
    expect(all.objects.some((o) => o.name.includes('goose_db_version') || o.name.includes('gander_migration_log'))).toBe(false);
    const app = await snapshotCatalog(db, { schemas: ['app'], comments: false });
    expect(app.objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['column app.kept.id', 'schema app', 'table app.kept']);
  });

  it('is a dozen queries, however many objects there are', async () => {
    await db.exec(
      Array.from({ length: 60 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, v text); CREATE INDEX ON t${i} (v);`).join('\n'),
    );
    const snapshot = await snapshotCatalog(db);
    expect(snapshot.objects.filter((o) => o.kind === 'table')).toHaveLength(60);
    expect(snapshot.durationMs).toBeLessThan(2000);
  });
});
