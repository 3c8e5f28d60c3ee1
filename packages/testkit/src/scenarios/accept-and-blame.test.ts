import { describe, expect, it } from 'vitest';
import { useFreshServerDatabase, testdata } from '../test-support/server-database.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';
import { verifyMigrations } from './verify-migrations.js';

const fresh = useFreshServerDatabase();

describe('a Down that forgets an index the Up creates without IF NOT EXISTS', () => {
  it('is blamed on the Down section with its line, not on the Up statement that fails again', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('down-blamed') });
    expect(report.ok).toBe(false);
    const failed = report.migrations[1]!;
    expect(failed.error).toMatchObject({ phase: 'up again', blame: 'down' });
    expect(report.failures[0]).toBe(
      '00002_email_index.sql:6: down did not restore the catalog as it was before up (+ still there, - gone, ~ changed):\n' +
        '+ index idx_users_email on public.users: CREATE INDEX idx_users_email ON public.users USING btree (email)\n' +
        `so running up again failed: ${failed.error!.message}\n` +
        'hint: fix the Down section (00002_email_index.sql:6): it must undo what Up did (drop what is still there); the Up statement ran fine on the catalog before it',
    );
    expect(report.failures[0]).not.toContain('hint: fix the statement at');
  });
});

describe('accept: known, harmless differences per migration', () => {
  it('without acceptances, the position change and the kept extension fail', async () => {
    const report = await verifyMigrations({ db: await fresh(), dir: testdata('accepted-differences') });
    expect(report.ok).toBe(false);
    expect(report.migrations[1]!.catalogDiff).toEqual([
      '~ column public.users.email: position 3 → 2',
      '~ column public.users.legacy_flag: position 2 → 3',
      '+ extension pg_trgm (1.6, schema public)',
    ]);
    expect(report.accepted).toEqual([]);
  });

  it('with them, it passes and reports each accepted difference with its reason', async () => {
    const report = await verifyMigrations({
      db: await fresh(),
      dir: testdata('accepted-differences'),
      accept: {
        '002': [
          { match: /^~ column public\.users\.(email|legacy_flag): position \d+ → \d+$/, reason: 're-added at the end; nothing reads columns by position' },
          { match: '+ extension pg_trgm', reason: 'kept on purpose: other schemas use it' },
        ],
      },
    });
    expect(report.failures).toEqual([]);
    const position = 're-added at the end; nothing reads columns by position';
    expect(report.accepted.map((a) => [a.file, a.line, a.reason])).toEqual([
      ['00002_drop_legacy_flag.sql', '~ column public.users.email: position 3 → 2', position],
      ['00002_drop_legacy_flag.sql', '~ column public.users.legacy_flag: position 2 → 3', position],
      ['00002_drop_legacy_flag.sql', '+ extension pg_trgm (1.6, schema public)', 'kept on purpose: other schemas use it'],
    ]);
  });

  it('an acceptance for no migration, or without a reason, is refused', async () => {
    await expect(
      verifyMigrations({ db: await fresh(), dir: testdata('accepted-differences'), accept: { '009': [{ match: 'x', reason: 'r' }] } }),
    ).rejects.toMatchObject({ code: 'E_INVALID_OPTION', message: 'accept names 009, which is no migration here' });
    await expect(
      verifyMigrations({ db: await fresh(), dir: testdata('accepted-differences'), accept: { '2': [{ match: 'x', reason: ' ' }] } }),
    ).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });
});

describe('accept on data differences', () => {
  it('a data change a migration is allowed is reported as accepted, per step and for the whole rollback', async () => {
    const report = await verifyDataIntegrity({
      db: await fresh(),
      dir: testdata('down-loses-rows'),
      seed: testdata('seeds/items-at-1.sql'),
      at: 1,
      accept: { '2': [{ match: 'public.items: 3 rows before, 2 after', reason: 'archived rows are not restored on purpose' }] },
    });
    expect(report.failures).toEqual([]);
    expect(report.accepted).toEqual([
      { file: '00002_archive_done_items.sql', line: 'public.items: 3 rows before, 2 after', reason: 'archived rows are not restored on purpose' },
      { file: '00002_archive_done_items.sql', line: 'public.items: 3 rows before, 2 after', reason: 'archived rows are not restored on purpose' },
    ]);
  });
});
