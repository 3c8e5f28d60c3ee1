import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { sourcesFromList } from '../source/index.js';
import { engines, resetDatabase, useDatabase } from '../test-support/databases.js';
import { basicFiles, basicSources } from '../test-support/fixtures.js';
import { GanderMigrationError } from './migration-error.js';
import { createProvider } from './provider.js';

async function versionRows(db: Database, table = 'goose_db_version'): Promise<string[]> {
  const { rows } = await db.query<{ version_id: string }>(`SELECT version_id::text FROM ${table} ORDER BY id`);
  return rows.map((r) => r.version_id);
}

async function tableExists(db: Database, name: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [name]);
  return rows[0]!.ok;
}

describe.each(engines)('provider on $name', (engine) => {
  let db: Database;
  useDatabase(engine, (opened) => ({ db } = opened));

  it('applies every migration once, records versions and runs nothing the second time', async () => {
    const provider = await createProvider({ db, sources: basicSources() });
    const first = await provider.up();
    expect(first.error).toBeUndefined();
    expect(first.results.map((r) => [r.version, r.direction])).toEqual([
      [1n, 'up'],
      [2n, 'up'],
      [3n, 'up'],
      [4n, 'up'],
    ]);
    expect(first.currentVersion).toBe(4n);
    expect(await versionRows(db)).toEqual(['0', '1', '2', '3', '4']);
    const { rows } = await db.query<{ n: string }>('SELECT user_count()::text AS n');
    expect(rows[0]!.n).toBe('1');

    const second = await provider.up();
    expect(second).toEqual({ results: [], currentVersion: 4n });
    expect(await provider.version()).toBe(4n);
    expect(await provider.hasPending()).toBe(false);
  });

  it('steps with up-by-one and up-to, then back with down, down-to, redo and reset', async () => {
    const provider = await createProvider({ db, sources: basicSources() });
    expect((await provider.upByOne()).results.map((r) => r.version)).toEqual([1n]);
    expect((await provider.upTo(3n)).results.map((r) => r.version)).toEqual([2n, 3n]);
    expect(await provider.hasPending()).toBe(true);
    expect((await provider.upTo(3n)).results).toEqual([]);
    await provider.up();

    const down = await provider.down();
    expect(down.results.map((r) => [r.version, r.direction])).toEqual([[4n, 'down']]);
    expect(down.currentVersion).toBe(3n);

    const redo = await provider.redo();
    expect(redo.results.map((r) => [r.version, r.direction])).toEqual([
      [3n, 'down'],
      [3n, 'up'],
    ]);
    expect(await tableExists(db, 'users_email_idx')).toBe(true);

    const downTo = await provider.downTo(1n);
    expect(downTo.results.map((r) => r.version)).toEqual([3n, 2n]);
    expect(await versionRows(db)).toEqual(['0', '1']);

    const reset = await provider.reset();
    expect(reset.results.map((r) => r.version)).toEqual([1n]);
    expect(reset.currentVersion).toBe(0n);
    expect(await tableExists(db, 'users')).toBe(false);

    const nothing = await provider.down();
    expect(nothing.error?.code).toBe('E_NO_CURRENT_VERSION');
    expect(nothing.currentVersion).toBe(0n);
    const upByOneAtEnd = await (async () => {
      await provider.up();
      return provider.upByOne();
    })();
    expect(upByOneAtEnd.error?.code).toBe('E_NO_NEXT_VERSION');
    expect(upByOneAtEnd.currentVersion).toBe(4n);
  });

  it('rolls back a failing transactional migration completely and names file, line and statement', async () => {
    const sources = sourcesFromList([
      basicFiles[0],
      {
        fileName: '00002_broken.sql',
        content: `-- +goose Up
CREATE TABLE half_done (id int);
-- the next statement fails on its second line
SELECT id,
       no_such_column
  FROM half_done;

-- +goose Down
DROP TABLE half_done;
`,
      },
    ]);
    const provider = await createProvider({ db, sources });
    const result = await provider.up();
    expect(result.results.map((r) => [r.version, r.error?.code])).toEqual([
      [1n, undefined],
      [2n, 'E_STATEMENT_FAILED'],
    ]);
    const error = result.error;
    expect(error).toBeInstanceOf(GanderMigrationError);
    const failure = (error as GanderMigrationError).failure;
    expect(failure).toMatchObject({
      version: 2n,
      file: '00002_broken.sql',
      statementIndex: 2,
      statementCount: 2,
      statementLine: 4,
      errorLine: 5,
      sqlState: '42703',
      useTx: true,
    });
    expect(error!.message).toContain('00002_broken.sql:5');
    expect(error!.message).toContain('rolled back');
    expect(failure.excerpt).toContain('SELECT id,');
    expect(await tableExists(db, 'half_done')).toBe(false);
    expect(await versionRows(db)).toEqual(['0', '1']);
    expect(result.currentVersion).toBe(1n);

    const { rows } = await db.query<{ outcome: string; version_id: string }>(
      "SELECT outcome, version_id::text FROM gander_migration_log WHERE outcome = 'failed'",
    );
    expect(rows).toEqual([{ outcome: 'failed', version_id: '2' }]);
  });

  it('leaves a failing NO TRANSACTION migration unrecorded and says which statements ran', async () => {
    const sources = sourcesFromList([
      {
        fileName: '00001_notx.sql',
        content: `-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE a (id int);
CREATE TABLE b (id int);
CREATE TABLE a (id int);

-- +goose Down
DROP TABLE IF EXISTS b;
DROP TABLE IF EXISTS a;
`,
      },
    ]);
    const provider = await createProvider({ db, sources });
    const result = await provider.up();
    expect(result.error?.code).toBe('E_STATEMENT_FAILED');
    expect(result.error!.message).toContain('statements 1–2 of 3 ran and stay applied; the version was not recorded');
    expect((result.error as GanderMigrationError).failure.statementLine).toBe(5);
    expect(await tableExists(db, 'a')).toBe(true);
    expect(await tableExists(db, 'b')).toBe(true);
    expect(await versionRows(db)).toEqual(['0']);
    const status = await provider.status();
    expect(status.migrations[0]!.state).toBe('pending');
  });

  it('refuses missing (out-of-order) migrations unless allowed, then applies them first', async () => {
    const all = basicSources();
    await (await createProvider({ db, sources: [all[0]!, all[2]!] })).up();
    const provider = await createProvider({ db, sources: all });
    const refused = await provider.up();
    expect(refused.error?.code).toBe('E_MISSING_MIGRATION');
    expect(refused.error!.message).toContain('error: found 1 missing migrations before current version 3');
    expect(refused.error!.message).toContain('version 2: 00002_posts.sql');
    expect((await provider.status()).migrations.map((m) => [m.version, m.state])).toEqual([
      [1n, 'applied'],
      [2n, 'missing'],
      [3n, 'applied'],
      [4n, 'pending'],
    ]);

    const allowed = await (await createProvider({ db, sources: all, allowMissing: true })).up();
    expect(allowed.results.map((r) => r.version)).toEqual([2n, 4n]);
    // goose's current version is the most recently applied one.
    expect(allowed.currentVersion).toBe(4n);
  });

  it('shows applied versions without a file as unknown and refuses to roll back through them', async () => {
    await (await createProvider({ db, sources: basicSources() })).upTo(2n);
    const provider = await createProvider({ db, sources: [basicSources()[0]!] });
    const status = await provider.status();
    expect(status.migrations.map((m) => [m.version, m.state])).toEqual([
      [1n, 'applied'],
      [2n, 'unknown'],
    ]);
    const down = await provider.downTo(0n);
    expect(down.error?.code).toBe('E_UNKNOWN_MIGRATION');
    expect(down.results).toEqual([]);
    expect(await versionRows(db)).toEqual(['0', '1', '2']);
  });

  it('marks an edited applied migration as drifted and refuses up until allowed', async () => {
    await (await createProvider({ db, sources: basicSources() })).upTo(2n);
    const edited = sourcesFromList([
      { fileName: basicFiles[0].fileName, content: basicFiles[0].content.replace('email text', 'email varchar(200)') },
      ...basicFiles.slice(1),
    ]);
    const provider = await createProvider({ db, sources: edited });
    const status = await provider.status();
    const first = status.migrations[0]!;
    expect(first.drifted).toBe(true);
    expect(first.appliedChecksum).not.toBe(first.checksum);
    expect(status.migrations[1]!.drifted).toBe(false);

    const refused = await provider.up();
    expect(refused.error?.code).toBe('E_DRIFT');
    expect(refused.error?.hint).not.toContain('line endings');
    expect(refused.results).toEqual([]);
    const allowed = await (await createProvider({ db, sources: edited, allowDrift: true })).up();
    expect(allowed.error).toBeUndefined();
    expect(allowed.results.map((r) => r.version)).toEqual([3n, 4n]);
  });

  it('says when only the line endings of an applied file changed (CRLF ↔ LF)', async () => {
    await (await createProvider({ db, sources: basicSources() })).upTo(2n);
    const crlf = sourcesFromList([{ fileName: basicFiles[0].fileName, content: basicFiles[0].content.replace(/\n/g, '\r\n') }, ...basicFiles.slice(1)]);
    const refused = await (await createProvider({ db, sources: crlf })).up();
    expect(refused.error?.code).toBe('E_DRIFT');
    expect(refused.error?.hint).toContain(`only the line endings changed (CRLF ↔ LF) in ${basicFiles[0].fileName}`);
  });

  it('plans the exact SQL without changing anything', async () => {
    const provider = await createProvider({ db, sources: basicSources() });
    const plan = await provider.plan({ kind: 'up-to', version: 3n });
    expect(plan.steps.map((s) => [s.version, s.direction, s.useTx, s.statements.length])).toEqual([
      [1n, 'up', true, 1],
      [2n, 'up', true, 2],
      [3n, 'up', false, 1],
    ]);
    expect(plan.steps[1]!.statements[1]).toEqual({ sql: "INSERT INTO users (email) VALUES ('a@example.com');", line: 7 });
    expect(await tableExists(db, 'goose_db_version')).toBe(false);
    await provider.up();
    const downPlan = await provider.plan({ kind: 'down-to', version: 2n });
    expect(downPlan.steps.map((s) => [s.version, s.direction])).toEqual([
      [4n, 'down'],
      [3n, 'down'],
    ]);
    expect(await provider.version()).toBe(4n);
  });

  it('records who, where and how long in the audit log, and can be switched off', async () => {
    const provider = await createProvider({ db, sources: basicSources(), envLabel: 'staging' });
    await provider.upTo(1n);
    await provider.down();
    const history = await provider.history();
    expect(history.map((h) => [h.version, h.direction, h.outcome, h.envLabel])).toEqual([
      [1n, 'down', 'ok', 'staging'],
      [1n, 'up', 'ok', 'staging'],
    ]);
    expect(history[1]!.checksum).toBe(basicSources()[0]!.checksum);
    expect(history[1]!.dbUser.length).toBeGreaterThan(0);
    expect(history[1]!.osUser.length).toBeGreaterThan(0);
    expect(history[1]!.host.length).toBeGreaterThan(0);
    expect(history[1]!.durationMs).toBeGreaterThanOrEqual(0);

    await resetDatabase(db);
    await (await createProvider({ db, sources: basicSources(), auditLog: false })).up();
    expect(await tableExists(db, 'gander_migration_log')).toBe(false);
  });

  it('uses a schema-qualified custom table, quoted, and rejects injection', async () => {
    await db.exec('CREATE SCHEMA ops');
    const provider = await createProvider({ db, sources: basicSources(), table: 'ops.Migrations' });
    await provider.up();
    expect(await versionRows(db, 'ops.migrations')).toEqual(['0', '1', '2', '3', '4']);
    expect(await tableExists(db, 'ops.gander_migration_log')).toBe(true);
    expect(await tableExists(db, 'goose_db_version')).toBe(false);
    await expect(
      createProvider({ db, sources: basicSources(), table: 'goose_db_version; DROP TABLE users' }),
    ).rejects.toMatchObject({ code: 'E_INVALID_TABLE_NAME' });
    const noSchema = await (await createProvider({ db, sources: basicSources(), table: 'nowhere.versions' })).up();
    expect(noSchema.error).toMatchObject({ code: 'E_DATABASE' });
    expect(noSchema.error!.hint).toContain('schema does not exist');
  });

  it('runs without versioning in file order and never touches the version table', async () => {
    const provider = await createProvider({ db, sources: basicSources().slice(0, 2), noVersioning: true });
    const up = await provider.up();
    expect(up.results.map((r) => r.version)).toEqual([1n, 2n]);
    expect(await tableExists(db, 'goose_db_version')).toBe(false);
    expect(await tableExists(db, 'gander_migration_log')).toBe(false);
    expect(await provider.version()).toBe(2n);
    const down = await provider.downTo(0n);
    expect(down.error).toBeUndefined();
    expect(down.results.map((r) => r.version)).toEqual([2n, 1n]);
    expect(await tableExists(db, 'users')).toBe(false);
  });

  it('emits progress events in order', async () => {
    const events: string[] = [];
    const provider = await createProvider({
      db,
      sources: basicSources().slice(0, 2),
      onEvent: (e) => events.push(e.type === 'statement-start' ? `stmt:${e.index}` : e.type),
    });
    await provider.up();
    expect(events).toEqual([
      'lock-acquired',
      'migration-start',
      'stmt:0',
      'statement-done',
      'migration-done',
      'migration-start',
      'stmt:0',
      'statement-done',
      'stmt:1',
      'statement-done',
      'migration-done',
    ]);
  });
});
