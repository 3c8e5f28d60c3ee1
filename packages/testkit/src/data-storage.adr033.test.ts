import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProvider, type Database, type Provider } from '@gander/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogs, diffCatalogs } from './catalog/diff.js';
import { snapshotCatalog } from './catalog/snapshot.js';
import type { CatalogSnapshot } from './catalog/types.js';
import { compareChecksums } from './data/compare-checksums.js';
import { tableChecksums } from './data/table-checksums.js';
import type { EphemeralDatabase } from './server/ephemeral-server.js';
import { pgliteServer } from './server/pglite-server.js';
import { DATA_STORAGE_MIGRATIONS } from './test-support/server-database.js';

// DD-012's test_adr033_migration.sh, as a CI test of the Data Storage
// migrations: on PGlite with pgvector (005 and 009 need it), one instance for
// the whole file. data-storage.suite.test.ts runs the round trip, data and
// idempotency scenarios over the whole set; data-storage.server.test.ts the
// pgvector-free part on the real server.
const TABLE = 'public.resource_action_traces';
const ADR033_COLUMNS = [
  'incident_type',
  'incident_severity',
  'incident_fingerprint',
  'playbook_id',
  'playbook_version',
  'playbook_step_number',
  'playbook_execution_id',
  'ai_selected_playbook',
  'ai_chained_playbooks',
  'ai_manual_escalation',
  'ai_playbook_customization',
];
const ADR033_INDEXES = [
  'idx_incident_type_success',
  'idx_playbook_success',
  'idx_playbook_execution',
  'idx_action_type_incident_type',
  'idx_ai_execution_mode',
  'idx_incident_fingerprint',
];

/**
 * migrations/testdata/seed_test_data.sql, with embeddings for every 30th
 * trace instead of every 3rd: on PGlite the HNSW index builds for 1000
 * vector(1536) rows take 7 s, and 100 rows show as well that 012 leaves them alone.
 */
async function seedTestData(): Promise<string> {
  const sql = await readFile(join(DATA_STORAGE_MIGRATIONS, 'testdata', 'seed_test_data.sql'), 'utf8');
  const lighter = sql.replace('AND rat.id % 3 = 0;', 'AND rat.id % 30 = 0;');
  expect(lighter, 'the embeddings statement of seed_test_data.sql changed: update seedTestData()').not.toBe(sql);
  return lighter;
}

const server = pgliteServer({ vector: true });
let database: EphemeralDatabase;
let db: Database;
let provider: Provider;
let at12: CatalogSnapshot;
let at11: CatalogSnapshot;

beforeAll(async () => {
  database = await server.createDatabase();
  db = database.db;
  provider = await createProvider({ db, dir: DATA_STORAGE_MIGRATIONS });
}, 120_000);
afterAll(() => server.stop());

describe.sequential('ADR-033 migration 012 (DD-012 test_adr033_migration.sh) on PGlite with pgvector', () => {
  it('first run: applies 001–012, 12 results', async () => {
    const run = await provider.up();
    expect(run.error).toBeUndefined();
    expect(run.results.map((r) => r.file)).toEqual(provider.sources.map((s) => s.fileName));
    expect(run.results).toHaveLength(12);
    expect(run.results.at(-1)).toMatchObject({ version: 12n, file: '012_adr033_multidimensional_tracking.sql', direction: 'up' });
    expect(run.currentVersion).toBe(12n);
    at12 = await snapshotCatalog(db);
  });

  it('idempotent: a second run has no migrations to run', async () => {
    const run = await provider.up();
    expect(run).toEqual({ results: [], currentVersion: 12n });
    expect(await provider.hasPending()).toBe(false);
  });

  it('rollback of 012 removes exactly its 11 columns and 6 indexes on resource_action_traces', async () => {
    const run = await provider.down();
    expect(run.error).toBeUndefined();
    expect(run.results.map((r) => [r.file, r.direction])).toEqual([['012_adr033_multidimensional_tracking.sql', 'down']]);
    expect(run.currentVersion).toBe(11n);
    at11 = await snapshotCatalog(db);
    // Counted from the catalog at 011 (before) and 012 (after), parent table only.
    const changes = compareCatalogs(at11, at12).filter((c) => c.foldedInto === undefined);
    const columns = changes.filter((c) => c.op === '+' && c.kind === 'column' && c.after!.relation === TABLE);
    const indexes = changes.filter((c) => c.op === '+' && c.kind === 'index' && c.after!.relation === TABLE);
    expect(columns.map((c) => c.name.slice(TABLE.length + 1)).sort()).toEqual([...ADR033_COLUMNS].sort());
    expect(indexes.map((c) => c.name.replace(/ on .*/, '')).sort()).toEqual([...ADR033_INDEXES].sort());
    expect(changes).toHaveLength(17);
    // Every partition got each index too, and lost it again.
    expect(indexes.every((c) => (c.folded['indexes on partitions'] ?? 0) === 22)).toBe(true);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns
        WHERE table_name = 'resource_action_traces' AND column_name IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ADR033_COLUMNS)],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('012 applied again rebuilds the same catalog', async () => {
    const run = await provider.upByOne();
    expect(run.results.map((r) => r.version)).toEqual([12n]);
    expect(diffCatalogs(at12, await snapshotCatalog(db))).toEqual([]);
  });

  it('data intact: the Data Storage seed (3018 traces, embeddings) survives 012 down and up', async () => {
    await db.exec(await seedTestData());
    const before = await tableChecksums(db);
    expect(before.find((t) => t.table === TABLE)!.rows).toBe(3018);
    // Rows at 012 hashed on the columns 011 has, to compare with rows after the rollback.
    const columnsAt11 = at11.objects
      .filter((o) => o.kind === 'column' && o.relation === TABLE)
      .sort((a, b) => Number(a.properties.position) - Number(b.properties.position))
      .map((o) => o.name.slice(TABLE.length + 1));
    const projection = Object.fromEntries(
      before.filter((t) => t.table === TABLE || t.table.startsWith(`${TABLE}_`)).map((t) => [t.table, columnsAt11]),
    );
    const projected = await tableChecksums(db, { columns: projection });
    expect((await provider.down()).error).toBeUndefined();
    const afterDown = await tableChecksums(db);
    expect(compareChecksums(projected, afterDown)).toEqual([]);
    expect((await provider.upByOne()).error).toBeUndefined();
    // The ADR-033 values are gone (Down drops the columns), every row is still there.
    const afterUp = await tableChecksums(db);
    expect(afterUp.map((t) => [t.table, t.rows])).toEqual(before.map((t) => [t.table, t.rows]));
  });
});
