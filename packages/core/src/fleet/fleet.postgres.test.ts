import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { pgDatabase } from '../db/pg-adapter.js';
import { GanderError } from '../errors.js';
import { sourcesFromList } from '../source/index.js';
import { testServerUrl } from '../test-support/databases.js';
import { runFleet } from './run-fleet.js';
import { fleetTasks } from './tasks.js';
import type { FleetEvent, FleetTarget } from './types.js';

// runFleet over real databases on the test server: each target its own
// provider; one database pre-holds the table migration 1 creates, so it fails.

const sources = sourcesFromList([
  { fileName: '00001_a.sql', content: '-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n' },
  { fileName: '00002_b.sql', content: '-- +goose Up\nCREATE TABLE b (id int);\n-- +goose Down\nDROP TABLE b;\n' },
]);
const databases: TestDatabase[] = [];

beforeAll(async () => {
  for (let i = 0; i < 5; i++) databases.push(await createTestDatabase(testServerUrl(), 'gander_fleet_core'));
});
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function reset(bad?: number): Promise<void> {
  for (const [i, d] of databases.entries()) {
    const db = await pgDatabase(d.url);
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    if (i === bad) await db.exec('CREATE TABLE a (id int)');
    await db.close();
  }
}

const targets = (groups: string[] = []): FleetTarget[] =>
  databases.map((d, i) => ({ name: `db${i}`, connection: d.url, ...(groups[i] ? { group: groups[i] } : {}) }));

describe('runFleet', () => {
  it('runs every target through its own provider and reports versions and applied files', async () => {
    await reset();
    const result = await runFleet({ targets: targets(), task: fleetTasks.up(), provider: { sources }, concurrency: 3 });
    expect(result.ok).toBe(true);
    expect(result.targets.map((t) => [t.name, t.status, t.fromVersion, t.toVersion, t.applied.map((a) => a.file)])).toEqual(
      databases.map((_, i) => [`db${i}`, 'ok', 0n, 2n, ['00001_a.sql', '00002_b.sql']]),
    );
    expect(result.summary).toEqual({ total: 5, ok: 5, failed: 0, skipped: 0, versions: [{ version: '2', count: 5 }] });
    const status = await runFleet({ targets: targets(), task: fleetTasks.status(), provider: { sources } });
    expect(status.targets[0]!.details).toEqual({ latestVersion: 2n, pending: 0, missing: 0, unknown: 0, drifted: [] });
  });

  it('on-error stop starts no other target after a failure; running ones finish', async () => {
    await reset(1);
    const result = await runFleet({ targets: targets(), task: fleetTasks.up(), provider: { sources }, concurrency: 1, onError: 'stop' });
    expect(result.targets.map((t) => t.status)).toEqual(['ok', 'failed', 'skipped', 'skipped', 'skipped']);
    expect(result.targets[1]!.error).toMatchObject({ code: 'E_STATEMENT_FAILED', file: '00001_a.sql', line: 2 });
    expect(result.targets[2]!.skippedBecause).toBe('not started: db1 failed and on-error is stop');
    expect(result.ok).toBe(false);
  });

  it('max failures stops starting targets once reached', async () => {
    await reset(0);
    const broken: FleetTarget = { name: 'broken', open: () => Promise.reject(new GanderError('E_CONNECTION', 'cannot connect')) };
    const result = await runFleet({
      targets: [...targets(), broken].slice(0, 2).concat(broken, targets().slice(2)),
      task: fleetTasks.up(),
      provider: { sources },
      concurrency: 1,
      maxFailures: 2,
    });
    expect(result.targets.map((t) => `${t.name}:${t.status}`)).toEqual([
      'db0:failed',
      'db1:ok',
      'broken:failed',
      'db2:skipped',
      'db3:skipped',
      'db4:skipped',
    ]);
    expect(result.targets[3]!.skippedBecause).toBe('not started: 2 targets failed (max failures 2)');
  });

  it('a failed group stops later groups for a change, but not for a read', async () => {
    await reset(0);
    const groups = ['canary', 'rest', 'rest', 'last', 'last'];
    const events: FleetEvent[] = [];
    const up = await runFleet({ targets: targets(groups), task: fleetTasks.up(), provider: { sources }, onEvent: (e) => events.push(e) });
    expect(up.targets.map((t) => t.status)).toEqual(['failed', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(events.filter((e) => e.type === 'group-skipped').map((e) => e.type === 'group-skipped' && e.group)).toEqual(['rest', 'last']);
    // A read goes on past a failed canary: every database still gets its answer.
    const unreachable: FleetTarget = { name: 'gone', group: 'canary', open: () => Promise.reject(new GanderError('E_CONNECTION', 'cannot connect')) };
    const version = await runFleet({ targets: [unreachable, ...targets(groups)], task: fleetTasks.version(), provider: { sources } });
    expect(version.targets.map((t) => t.status)).toEqual(['failed', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('removes a target’s secrets from its error', async () => {
    const secret = 'S3cret-value';
    const leaky: FleetTarget = {
      name: 'leaky',
      secrets: [secret],
      open: () => Promise.reject(new GanderError('E_CONNECTION', `password ${secret} rejected for postgres://u:${secret}@h/db`)),
    };
    const result = await runFleet({ targets: [leaky], task: fleetTasks.version(), provider: { sources } });
    expect(result.targets[0]!.error!.message).toBe('password **** rejected for postgres://u:****@h/db');
  });
});
