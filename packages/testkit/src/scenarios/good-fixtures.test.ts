import { describe, expect, it } from 'vitest';
import { useFreshServerDatabase, testdata } from '../test-support/server-database.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';
import { verifyIdempotentSql } from './verify-idempotent-sql.js';
import { verifyMigrations } from './verify-migrations.js';

const fresh = useFreshServerDatabase();

describe('a correct migration set passes every scenario', () => {
  it('verifyMigrations: per-version timings, what up changed, nothing left by down, a second up runs nothing', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('good') });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.migrations.map((m) => m.file)).toEqual([
      '00001_users.sql',
      '00002_posts.sql',
      '00003_post_count.sql',
      '00004_email_lookup.sql',
    ]);
    for (const migration of report.migrations) {
      expect(migration).toMatchObject({ ok: true, catalogDiff: [], reapplyDiff: [] });
      expect(migration.upMs).toBeGreaterThanOrEqual(0);
      expect(migration.downMs).toBeGreaterThanOrEqual(0);
    }
    expect(report.migrations[2]!.changes).toEqual([
      '+ column public.users.post_count (integer not null default 0)',
      '+ function public.bump_post_count() (returns trigger)',
      '+ trigger trg_posts_count on public.posts: CREATE TRIGGER trg_posts_count AFTER INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION bump_post_count()',
    ]);
    expect(report.secondUp).toMatchObject({ ok: true, ran: [] });
  });

  it('verifyIdempotentSql, Up and Down', async () => {
    const report = await verifyIdempotentSql({ db: await fresh(), dir: testdata('good'), down: true });
    expect(report.failures).toEqual([]);
    expect(report.migrations.map((m) => `${m.direction} ${m.file}`)).toEqual([
      'up 00001_users.sql',
      'up 00002_posts.sql',
      'up 00003_post_count.sql',
      'up 00004_email_lookup.sql',
      'down 00004_email_lookup.sql',
      'down 00003_post_count.sql',
      'down 00002_posts.sql',
      'down 00001_users.sql',
    ]);
  });

  it('verifyDataIntegrity from a seed at version 1', async () => {
    const report = await verifyDataIntegrity({ db: await fresh(), dir: testdata('good'), seed: testdata('seeds/good-at-1.sql'), at: 1 });
    expect(report.failures).toEqual([]);
    expect(report.baseline.map((t) => [t.table, t.rows])).toEqual([['public.users', 3]]);
    expect(report.steps.map((s) => s.file)).toEqual(['00002_posts.sql', '00003_post_count.sql', '00004_email_lookup.sql']);
  });
});

describe('misuse is reported, not mistaken for a fault in the migrations', () => {
  it('a database that already has migrations applied: E_DATABASE_NOT_EMPTY', async () => {
    const db = await fresh();
    await verifyMigrations({ db, dir: testdata('good') });
    await expect(verifyMigrations({ db, dir: testdata('good') })).rejects.toMatchObject({
      code: 'E_DATABASE_NOT_EMPTY',
      message: 'the database is at version 4: a round trip check starts from an empty database',
    });
  });

  it('a seed that does not fit the version it is loaded at', async () => {
    const report = await verifyDataIntegrity({ db: await fresh(), dir: testdata('good'), seed: 'INSERT INTO posts (body) VALUES (1);', at: 1 });
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      'the seed inline SQL failed to load at version 1: relation "posts" does not exist\nhint: a seed must be valid at the version given as `at`',
    ]);
  });
});
