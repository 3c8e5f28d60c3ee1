import { describe, expect, it } from 'vitest';
import { useFreshServerDatabase, testdata } from '../test-support/server-database.js';
import { MigrationScenarioError } from './scenario-error.js';
import { assertMigrations, verifyMigrations } from './verify-migrations.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';
import { assertIdempotentSql, verifyIdempotentSql } from './verify-idempotent-sql.js';

// The broken fixture sets (src/testdata/README.md), on the run's real server:
// each fault must be caught with a message that names the file and the object.
const fresh = useFreshServerDatabase();

describe('a Down that forgets an index', () => {
  it('is caught by verifyMigrations, naming the file and the index', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('down-forgets-index') });
    expect(report.ok).toBe(false);
    const [users, addIndex] = report.migrations;
    expect(users!.ok).toBe(true);
    expect(addIndex!.catalogDiff).toEqual([
      '+ index idx_users_email on public.users: CREATE INDEX idx_users_email ON public.users USING btree (email)',
    ]);
    expect(report.failures).toEqual([
      '00002_add_email_index.sql: down did not restore the catalog as it was before up (+ still there, - gone, ~ changed):\n' +
        '+ index idx_users_email on public.users: CREATE INDEX idx_users_email ON public.users USING btree (email)',
    ]);
  });

  it('makes assertMigrations throw a MigrationScenarioError with code E_SCENARIO_FAILED', async () => {
    const error = await assertMigrations({ db: await fresh(), dir: testdata('down-forgets-index') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationScenarioError);
    const scenarioError = error as MigrationScenarioError;
    expect(scenarioError.code).toBe('E_SCENARIO_FAILED');
    expect(scenarioError.message).toMatch(/^verifyMigrations found 1 problem \(database postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/gander_test_\w+\):\n/);
    expect(scenarioError.message).toContain('  00002_add_email_index.sql: down did not restore the catalog');
    expect(scenarioError.message).toContain('      + index idx_users_email on public.users: CREATE INDEX idx_users_email');
    expect(scenarioError.report.scenario).toBe('verifyMigrations');
  });
});

describe('a non-idempotent Up', () => {
  it('passes the round trip (goose never runs a file twice) …', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('not-idempotent') });
    expect(report.failures).toEqual([]);
  });

  it('… but verifyIdempotentSql catches the failing second run and the duplicate index', async () => {
    const report = await verifyIdempotentSql({ db: await fresh(), dir: testdata('not-idempotent') });
    expect(report.ok).toBe(false);
    expect(report.migrations.map((m) => [m.file, m.ok])).toEqual([
      ['00001_users.sql', true],
      ['00002_add_nickname.sql', false],
      ['00003_unnamed_index.sql', false],
    ]);
    expect(report.failures[0]).toBe(
      '00002_add_nickname.sql: running Up a second time failed: 00002_add_nickname.sql:3: up statement 1 of 1 failed: ' +
        'column "nickname" of relation "users" already exists (SQLSTATE 42701); the transaction was rolled back: nothing of this migration was applied\n' +
        'hint: use ALTER TABLE … ADD COLUMN IF NOT EXISTS (DD-012: running a migration twice must change nothing)',
    );
    expect(report.failures[1]).toBe(
      '00003_unnamed_index.sql: running Up a second time changed the catalog (+ new, - gone, ~ changed):\n' +
        '+ index users_email_idx1 on public.users: CREATE INDEX users_email_idx1 ON public.users USING btree (email)',
    );
    await expect(assertIdempotentSql({ db: await fresh(), dir: testdata('not-idempotent') })).rejects.toMatchObject({
      code: 'E_SCENARIO_FAILED',
    });
  });
});

describe('a Down that loses rows', () => {
  it('passes the catalog round trip …', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('down-loses-rows') });
    expect(report.failures).toEqual([]);
  });

  it('… but verifyDataIntegrity names the file and the table that lost rows', async () => {
    const report = await verifyDataIntegrity({
      db: await fresh(),
      dir: testdata('down-loses-rows'),
      seed: testdata('seeds/items-at-1.sql'),
      at: 1,
    });
    expect(report.ok).toBe(false);
    expect(report.baseline.map((t) => [t.table, t.rows])).toEqual([['public.items', 3]]);
    expect(report.steps.map((s) => [s.file, s.changed.map((c) => c.description)])).toEqual([
      ['00002_archive_done_items.sql', ['public.items: 3 rows before, 2 after']],
    ]);
    expect(report.failures).toEqual([
      '00002_archive_done_items.sql: up then down changed data:\npublic.items: 3 rows before, 2 after',
      'applying 00002_archive_done_items.sql and rolling back to version 1 changed data:\npublic.items: 3 rows before, 2 after',
    ]);
  });
});

describe('a migration that fails halfway', () => {
  it('is reported with its file, line, statement and what it left behind; later files are not checked', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('fails-halfway') });
    expect(report.ok).toBe(false);
    const failed = report.migrations[1]!;
    expect(failed.file).toBe('00002_audit.sql');
    expect(failed.error).toMatchObject({ phase: 'up', code: 'E_STATEMENT_FAILED' });
    expect(failed.error!.leftBehind).toEqual(['+ table public.audit_log (table) [with 2 columns, 1 constraint, 1 sequence]']);
    expect(report.skipped).toEqual(['00003_after.sql']);
    expect(report.failures[0]).toBe(
      '00002_audit.sql:8: up statement 2 of 3 failed: relation "audit_log_typo" does not exist (SQLSTATE 42P01); ' +
        'NO TRANSACTION: statement 1 of 3 ran and stays applied; the version was not recorded\n' +
        'the failed up left the catalog changed:\n' +
        '+ table public.audit_log (table) [with 2 columns, 1 constraint, 1 sequence]\n' +
        'hint: fix the statement at 00002_audit.sql:8, make the statements that already ran safe to repeat (IF NOT EXISTS), then run the command again',
    );
    expect(report.failures[1]).toBe('not checked, because an earlier migration failed to run: 00003_after.sql');
  });
});
