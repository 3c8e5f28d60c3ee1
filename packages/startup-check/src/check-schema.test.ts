import { describe, expect, it } from 'vitest';
import { createProvider, sourcesFromList, type Database, type MigrationSource } from '@gander/core';
import { engines, useDatabase } from '../../core/src/test-support/databases.js';
import { assertSchema } from './assert-schema.js';
import { checkSchema } from './check-schema.js';
import { SchemaOutOfDateError } from './schema-out-of-date-error.js';
import { schemaReportToJson } from './schema-report.js';

const file = (version: number, body = `CREATE TABLE t${version} (id int);`) => ({
  fileName: `${String(version).padStart(3, '0')}_step_${version}.sql`,
  content: `-- +goose Up\n${body}\n-- +goose Down\nDROP TABLE t${version};\n`,
});
const sources = (...versions: number[]): MigrationSource[] => sourcesFromList(versions.map((v) => file(v)));

describe.each(engines)('checkSchema on $name', (engine) => {
  let db: Database;
  useDatabase(engine, (opened) => ({ db } = opened));

  const migrate = async (list: MigrationSource[], to: bigint, allowMissing = false) => {
    const result = await (await createProvider({ db, sources: list, allowMissing })).upTo(to);
    expect(result.error).toBeUndefined();
  };

  it('reports a database with no version table as behind, without creating anything', async () => {
    const report = await checkSchema({ db, required: 'latest', sources: sources(1, 2, 3) });
    expect(report).toMatchObject({ ok: false, currentVersion: 0n, requiredVersion: 3n, pending: [1n, 2n, 3n] });
    const { rows } = await db.query<{ ok: boolean }>("SELECT to_regclass('goose_db_version') IS NULL AS ok");
    expect(rows[0]!.ok).toBe(true);
  });

  it('refuses a stale schema with the exact command to run, password masked', async () => {
    await migrate(sources(1, 2, 3), 2n);
    const error = await assertSchema({
      db,
      required: 3,
      sources: sources(1, 2, 3),
      fix: { dir: 'migrations', dsn: 'postgres://svc:hunter2@db:5432/app' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaOutOfDateError);
    const stale = error as SchemaOutOfDateError;
    expect(stale.code).toBe('E_SCHEMA_STALE');
    expect(stale.command).toBe('gander -dir migrations postgres "postgres://svc:****@db:5432/app" up-to 3');
    expect(stale.message).toContain('current version 2, required 3');
    expect(`${stale.message} ${stale.hint}`).not.toContain('hunter2');
    expect(stale.report.pending).toEqual([3n]);
  });

  it('passes at-least when newer versions are applied, fails exact', async () => {
    await migrate(sources(1, 2, 3), 3n);
    expect((await checkSchema({ db, required: 2, sources: sources(1, 2, 3) })).ok).toBe(true);
    const exact = await checkSchema({ db, required: 2, sources: sources(1, 2, 3), mode: 'exact' });
    expect(exact.ok).toBe(false);
    expect(exact.problems).toEqual(['versions above the required 2 are applied: 3']);
  });

  it('names missing (out-of-order) and unknown versions, which the newest-row query of DD-012 would miss', async () => {
    await migrate(sources(1, 3, 4), 4n);
    const report = await checkSchema({ db, required: 4, sources: sources(1, 2, 3) });
    expect(report).toMatchObject({ ok: false, missing: [2n], pending: [], unknown: [4n], currentVersion: 4n });
    expect((await assertSchema({ db, required: 4, sources: sources(1, 2, 3) }).catch((e: SchemaOutOfDateError) => e.command))).toBe(
      'gander -dir migrations -allow-missing postgres "$DSN" up-to 4',
    );
  });

  it('reports drifted files and fails unless drift is allowed', async () => {
    await migrate(sources(1, 2), 2n);
    const edited = sourcesFromList([file(1, 'CREATE TABLE t1 (id bigint);'), file(2)]);
    const report = await checkSchema({ db, required: 2, sources: edited });
    expect(report.drifted).toEqual([1n]);
    expect(report.ok).toBe(false);
    expect((await checkSchema({ db, required: 2, sources: edited, allowDrift: true })).ok).toBe(true);
  });

  it('works from a version number alone, without files', async () => {
    await migrate(sources(1, 2, 3), 2n);
    expect((await checkSchema({ db, required: 2 })).ok).toBe(true);
    expect((await checkSchema({ db, required: 3 })).problems).toEqual(['schema version 2 is older than the required 3']);
  });

  it('serialises to JSON for a health endpoint with versions as strings', async () => {
    await migrate(sources(1), 1n);
    const json = JSON.parse(JSON.stringify(schemaReportToJson(await checkSchema({ db, required: 1, sources: sources(1) }))));
    expect(json).toMatchObject({ ok: true, currentVersion: '1', requiredVersion: '1', pending: [], mode: 'at-least' });
    expect(typeof json.durationMs).toBe('number');
  });
});
