import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProvider, type Database, type Provider } from '@gander/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogs, diffCatalogs } from './catalog/diff.js';
import { snapshotCatalog } from './catalog/snapshot.js';
import type { CatalogSnapshot } from './catalog/types.js';
import { compareChecksums } from './data/compare-checksums.js';
import { tableChecksums } from './data/table-checksums.js';
import type { EphemeralDatabase, EphemeralServer } from './server/ephemeral-server.js';
import { startLocalPostgres } from './server/local-binaries.js';
import { pgliteServer } from './server/pglite-server.js';
import { DATA_STORAGE_MIGRATIONS } from './test-support/server-database.js';
import { vectorServerTarget } from '@gander/test-server';

// DD-012's test_adr033_migration.sh, as a CI test of the Data Storage
// migrations (005 and 009 need pgvector), once on each target that has it:
// the real one, a PostgreSQL 16+ server with pgvector (GANDER_PG_BIN; .ci/run
// installs pgserver's build), and PGlite with pgvector. One database per
// target for the whole sequence. data-storage.suite.test.ts runs the round
// trip, data and idempotency scenarios over the whole set;
// data-storage.server.test.ts the pgvector-free part on the run's server.
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
 * migrations/testdata/seed_test_data.sql; on PGlite with embeddings for every
 * 30th trace instead of every 3rd: there the HNSW index builds for 1000
 * vector(1536) rows take 7 s, and 100 rows show as well that 012 leaves them alone.
 */
async function seedTestData(lighter: boolean): Promise<string> {
  const sql = await readFile(join(DATA_STORAGE_MIGRATIONS, 'testdata', 'seed_test_data.sql'), 'utf8');
  if (!lighter) return sql;
  const lighterSql = sql.replace('AND rat.id % 3 = 0;', 'AND rat.id % 30 = 0;');
  expect(lighterSql, 'the embeddings statement of seed_test_data.sql changed: update seedTestData()').not.toBe(sql);
  return lighterSql;
}

interface Target {
  title: string;
  start(): Promise<EphemeralServer>;
  lighterSeed: boolean;
  /** What the server must say it is: its version and pgvector's. */
  expect?: { version: string; vector: string };
}

const realTarget = vectorServerTarget();
if (!realTarget.available) console.info(`[skip] ADR-033 on the real target: ${realTarget.why}`);
const targets: Target[] = [
  ...(realTarget.available
    ? [
        {
          title: `on ${realTarget.label}`,
          start: () => startLocalPostgres({ binDir: realTarget.binDir }),
          lighterSeed: false,
          expect: { version: realTarget.version, vector: realTarget.vector },
        },
      ]
    : []),
  { title: 'on PGlite with pgvector', start: async () => pgliteServer({ vector: true }), lighterSeed: true },
];

for (const target of targets) describe.sequential(`ADR-033 migration 012 (DD-012 test_adr033_migration.sh) ${target.title}`, () => {
  let server: EphemeralServer;
  let database: EphemeralDatabase;
  let db: Database;
  let provider: Provider;
  let at12: CatalogSnapshot;
  let at11: CatalogSnapshot;

  beforeAll(async () => {
    server = await target.start();
    database = await server.createDatabase();
    db = database.db;
    provider = await createProvider({ db, dir: DATA_STORAGE_MIGRATIONS });
  }, 120_000);
  afterAll(() => server?.stop());

  if (target.expect) it('the server is the one named: its version and pgvector', async () => {
    const { rows } = await db.query<{ version: string; vector: string }>(
      `SELECT current_setting('server_version') AS version,
              (SELECT default_version FROM pg_available_extensions WHERE name = 'vector') AS vector`,
    );
    expect(rows[0]!.version.split(' ')[0]).toBe(target.expect!.version);
    expect(rows[0]!.vector).toBe(target.expect!.vector);
  });

  it('first run: applies 001–012, 12 results', async () => {
    const run = await provider.up();
    expect(run.error).toBeUndefined();
    expect(run.results.map((r) => r.file)).toEqual(provider.sources.map((s) => s.fileName));
    expect(run.results).toHaveLength(12);
    expect(run.results.at(-1)).toMatchObject({ version: 12n, file: '012_adr033_multidimensional_tracking.sql', direction: 'up' });
    expect(run.currentVersion).toBe(12n);
    at12 = await snapshotCatalog(db);
  });

  it("005/009's pgvector column and index are there: embedding vector(1536), an HNSW index on it", async () => {
    const { rows } = await db.query<{ type: string; method: string }>(
      `SELECT format_type(a.atttypid, a.atttypmod) AS type,
              (SELECT am.amname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
                WHERE i.indrelid = a.attrelid AND a.attnum = ANY (i.indkey::int2[]) LIMIT 1) AS method
         FROM pg_attribute a
        WHERE a.attrelid = 'public.resource_action_traces'::regclass AND a.attname = 'embedding' AND NOT a.attisdropped`,
    );
    expect(rows).toEqual([{ type: 'vector(1536)', method: 'hnsw' }]);
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
    await db.exec(await seedTestData(target.lighterSeed));
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
