import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { sourcesFromList } from '../source/index.js';
import { postgresEngine, resetDatabase, useDatabase } from '../test-support/databases.js';
import { createProvider } from './provider.js';

const exists = async (db: Database, table: string) =>
  (await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table])).rows[0]!.present;

// Transaction control inside a transactional migration: refused before
// anything runs; and "rolled back" is only claimed after asking the session.
describe('transaction control statements in a transactional migration', () => {
  let db: Database;
  useDatabase(postgresEngine, (opened) => ({ db } = opened));

  it.each([
    ['COMMIT;', 'COMMIT'],
    ['begin;', 'BEGIN'],
    ['-- finish early\nEND;', 'END'],
    ['ROLLBACK;', 'ROLLBACK'],
    ['START TRANSACTION;', 'START TRANSACTION'],
  ])('%j is refused with file:line and the fix, before anything runs', async (statement, keyword) => {
    await resetDatabase(db);
    const sources = sourcesFromList([
      { fileName: '00001_first.sql', content: '-- +goose Up\nCREATE TABLE tc_first (id int);\n' },
      { fileName: '00002_mixed.sql', content: `-- +goose Up\nCREATE TABLE tc_a (id int);\n${statement}\nCREATE TABLE tc_b (id int);\n` },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error?.code).toBe('E_TRANSACTION_CONTROL');
    expect(result.error!.message).toContain(`00002_mixed.sql:${statement.startsWith('--') ? 4 : 3}: ${keyword}`);
    expect(result.error!.hint).toContain('-- +goose NO TRANSACTION');
    expect(result.results).toEqual([]);
    expect(await exists(db, 'tc_first')).toBe(false);
    expect(await exists(db, 'tc_a')).toBe(false);
  });

  it('allows them under NO TRANSACTION, and allows ROLLBACK TO SAVEPOINT inside a transaction', async () => {
    await resetDatabase(db);
    const sources = sourcesFromList([
      { fileName: '00001_savepoint.sql', content: '-- +goose Up\nSAVEPOINT s;\nCREATE TABLE tc_sp (id int);\nROLLBACK TO SAVEPOINT s;\n' },
      { fileName: '00002_notx.sql', content: '-- +goose Up\n-- +goose NO TRANSACTION\nBEGIN;\nCREATE TABLE tc_own (id int);\nCOMMIT;\n' },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error).toBeUndefined();
    expect(await exists(db, 'tc_sp')).toBe(false);
    expect(await exists(db, 'tc_own')).toBe(true);
  });

  it('never says "rolled back" when a COMMIT slipped through: it checks the session', async () => {
    await resetDatabase(db);
    // One line, two commands: goose sends it as one statement, so the check by first keyword cannot see the COMMIT.
    const sources = sourcesFromList([
      { fileName: '00001_sneaky.sql', content: '-- +goose Up\nCREATE TABLE tc_kept (id int); COMMIT;\nSELECT * FROM tc_nowhere;\n' },
    ]);
    const result = await (await createProvider({ db, sources })).up();
    expect(result.error?.code).toBe('E_STATEMENT_FAILED');
    expect(result.error!.message).not.toContain('rolled back');
    expect(result.error!.message).toContain("the migration's transaction had already ended");
    expect(await exists(db, 'tc_kept')).toBe(true);
  });

  it('in a single-transaction group, members committed by a slipped-through COMMIT are reported applied, not rolled back', async () => {
    await resetDatabase(db);
    const sources = sourcesFromList([
      { fileName: '00001_first.sql', content: '-- +goose Up\nCREATE TABLE tc_group_first (id int);\n' },
      { fileName: '00002_sneaky.sql', content: '-- +goose Up\nCREATE TABLE tc_group_kept (id int); COMMIT;\nSELECT * FROM tc_nowhere;\n' },
    ]);
    const result = await (await createProvider({ db, sources, singleTransaction: true })).up();
    expect(result.error?.code).toBe('E_STATEMENT_FAILED');
    expect(result.error!.message).toContain("the migration's transaction had already ended");
    // Not "group 1 was rolled back whole": 00001 and its version row were committed.
    expect(result.failedGroup).toBeUndefined();
    expect(result.results.map((r) => [Number(r.version), r.rolledBack ?? false, r.error?.code])).toEqual([
      [1, false, undefined],
      [2, false, 'E_STATEMENT_FAILED'],
    ]);
    expect(await exists(db, 'tc_group_first')).toBe(true);
    const { rows } = await db.query<{ v: string }>('SELECT version_id::text AS v FROM goose_db_version ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual(['0', '1']);
    expect(result.currentVersion).toBe(1n);
  });
});
