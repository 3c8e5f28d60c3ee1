import { join } from 'node:path';
import { collectMigrations } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { verifyDataIntegrity } from './scenarios/verify-data-integrity.js';
import { verifyIdempotentSql } from './scenarios/verify-idempotent-sql.js';
import { verifyMigrations } from './scenarios/verify-migrations.js';
import { DATA_STORAGE_MIGRATIONS, useFreshServerDatabase } from './test-support/server-database.js';

// The part of the Data Storage set that needs no pgvector (001–004: 005 creates
// the extension), on the run's real PostgreSQL server, where PGlite's
// differences (PostgreSQL 18 in WASM, one connection) cannot hide anything.
const sources = async () => (await collectMigrations(DATA_STORAGE_MIGRATIONS)).filter((s) => s.version <= 4n);

const fresh = useFreshServerDatabase();

describe('Data Storage migrations 001–004 on the real server', () => {
  it('verifyMigrations: each up, down, up leaves the catalog as it was; a second up runs nothing', async () => {
    const report = await verifyMigrations({ db: await fresh(), sources: await sources() });
    expect(report.failures).toEqual([]);
    expect(report.migrations.map((m) => [m.file, m.ok])).toEqual([
      ['001_initial_schema.sql', true],
      ['002_fix_partitioning.sql', true],
      ['003_stored_procedures.sql', true],
      ['004_add_effectiveness_assessment_due.sql', true],
    ]);
    expect(report.secondUp?.ran).toEqual([]);
  });

  it('verifyIdempotentSql: every Up and Down runs twice without error', async () => {
    const report = await verifyIdempotentSql({ db: await fresh(), sources: await sources(), down: true });
    expect(report.failures).toEqual([]);
    expect(report.migrations).toHaveLength(8);
  });

  it('verifyDataIntegrity: seed_v001.sql loaded at 001 survives 002–004 (its 2026-01 rows move partitions and back)', async () => {
    const report = await verifyDataIntegrity({
      db: await fresh(),
      sources: await sources(),
      seed: join(DATA_STORAGE_MIGRATIONS, 'testdata', 'seed_v001.sql'),
      at: 1,
    });
    expect(report.failures).toEqual([]);
    expect(report.baseline.find((t) => t.table === 'public.resource_action_traces')?.rows).toBe(205);
    expect(report.baseline.find((t) => t.table === 'public.resource_action_traces_default')?.rows).toBe(12);
  });
});
