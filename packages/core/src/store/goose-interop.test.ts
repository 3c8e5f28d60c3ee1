import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createProvider } from '../provider/provider.js';
import { engines, useDatabase } from '../test-support/databases.js';
import { basicSources } from '../test-support/fixtures.js';

// goose's own SQL for PostgreSQL (internal/dialects/postgres.go), verbatim, with
// the table name spliced raw as goose does.
const gooseQueries = {
  insert: 'INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, $2)',
  delete: 'DELETE FROM goose_db_version WHERE version_id=$1',
  getMigration: 'SELECT tstamp, is_applied FROM goose_db_version WHERE version_id=$1 ORDER BY tstamp DESC LIMIT 1',
  list: 'SELECT version_id, is_applied from goose_db_version ORDER BY id DESC',
  latest: 'SELECT max(version_id) FROM goose_db_version',
  tableExists:
    "SELECT EXISTS ( SELECT 1 FROM pg_tables WHERE (current_schema() IS NULL OR schemaname = current_schema()) AND tablename = 'goose_db_version' )",
};

describe.each(engines)('goose interoperability on $name', (engine) => {
  let db: Database;
  useDatabase(engine, (opened) => ({ db } = opened));

  it('continues from a version table goose built', async () => {
    await db.exec(await readFile(new URL('./testdata/goose-version-table.sql', import.meta.url), 'utf8'));
    const provider = await createProvider({ db, sources: basicSources() });
    const status = await provider.status();
    expect(status.migrations.map((m) => [m.version, m.state, m.appliedAt])).toEqual([
      [1n, 'applied', '2024-10-15T09:00:01.000000'],
      [2n, 'applied', '2024-10-20T10:30:00.000000'],
      [3n, 'pending', undefined],
      [4n, 'pending', undefined],
    ]);
    expect(await provider.version()).toBe(2n);
    const up = await provider.up();
    expect(up.results.map((r) => r.version)).toEqual([3n, 4n]);
  });

  it('builds a table that answers goose’s own queries as goose expects', async () => {
    const provider = await createProvider({ db, sources: basicSources() });
    await provider.upTo(3n);
    expect((await db.query(gooseQueries.tableExists)).rows).toEqual([{ exists: true }]);
    const list = await db.query<{ version_id: unknown; is_applied: boolean }>(gooseQueries.list);
    expect(list.rows.map((r) => [String(r.version_id), r.is_applied])).toEqual([
      ['3', true],
      ['2', true],
      ['1', true],
      ['0', true],
    ]);
    expect(String(Object.values((await db.query(gooseQueries.latest)).rows[0]!)[0])).toBe('3');
    const one = await db.query<{ is_applied: boolean }>(gooseQueries.getMigration, ['2']);
    expect(one.rows[0]!.is_applied).toBe(true);
    // goose applies 4 by hand (its insert), then rolls 3 back (its delete)...
    await db.exec(
      `CREATE FUNCTION user_count() RETURNS bigint AS $$ BEGIN RETURN (SELECT count(*) FROM users); END; $$ LANGUAGE plpgsql`,
    );
    await db.query(gooseQueries.insert, ['4', true]);
    expect(await provider.version()).toBe(4n);
    // ...and gander sees it and rolls back what goose applied.
    const down = await provider.down();
    expect(down.results.map((r) => r.version)).toEqual([4n]);
    await db.query(gooseQueries.delete, ['3']);
    expect(await provider.version()).toBe(2n);
    // The column types are goose's exactly.
    const { rows } = await db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'goose_db_version' ORDER BY ordinal_position`,
    );
    expect(rows).toEqual([
      { column_name: 'id', data_type: 'integer', is_nullable: 'NO' },
      { column_name: 'version_id', data_type: 'bigint', is_nullable: 'NO' },
      { column_name: 'is_applied', data_type: 'boolean', is_nullable: 'NO' },
      { column_name: 'tstamp', data_type: 'timestamp without time zone', is_nullable: 'NO' },
    ]);
  });
});
