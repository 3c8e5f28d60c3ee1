import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createProvider } from '../provider/provider.js';
import { sourcesFromList } from '../source/index.js';
import { postgresEngine, useDatabase } from '../test-support/databases.js';
import { GOOSE_LOCK_ID } from './advisory-lock.js';
import { tableLock } from './table-lock.js';

// goose v3.26's table locker, verbatim (lock/internal/store/postgres.go), with
// goose_lock and lock id 4097083626: what a goose process runs against the table.
const gooseAcquire = `INSERT INTO goose_lock (lock_id, locked, locked_at, locked_by, lease_expires_at, updated_at)
	VALUES ($1, true, now(), $2, now() + $3::interval, now())
	ON CONFLICT (lock_id) DO UPDATE SET
		locked = true,
		locked_at = now(),
		locked_by = $2,
		lease_expires_at = now() + $3::interval,
		updated_at = now()
	WHERE goose_lock.locked = false OR goose_lock.lease_expires_at < now()
	RETURNING locked_by, lease_expires_at`;
const gooseRelease = `UPDATE goose_lock SET locked = false, locked_at = NULL, locked_by = NULL, lease_expires_at = NULL, updated_at = now()
	WHERE lock_id = $1 AND locked_by = $2 RETURNING lock_id`;

const slow = sourcesFromList([{ fileName: '00001_slow.sql', content: '-- +goose Up\nSELECT pg_sleep(0.8);\n-- +goose Down\nSELECT 1;\n' }]);

describe('table lock (goose_lock) on a real server', () => {
  let db: Database;
  useDatabase(postgresEngine, (opened) => ({ db } = opened));

  it("creates goose's table, with goose's columns and types", async () => {
    await (await createProvider({ db, sources: slow, lockMode: 'table' })).up();
    const { rows } = await db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'goose_lock' ORDER BY ordinal_position`,
    );
    expect(rows).toEqual([
      { column_name: 'lock_id', data_type: 'bigint', is_nullable: 'NO' },
      { column_name: 'locked', data_type: 'boolean', is_nullable: 'NO' },
      { column_name: 'locked_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'locked_by', data_type: 'text', is_nullable: 'YES' },
      { column_name: 'lease_expires_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'updated_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
    ]);
  });

  it("goose's locker cannot take the lock while gander holds it, and gets it after", async () => {
    const provider = await createProvider({ db, sources: slow, lockMode: 'table' });
    const running = provider.up();
    let holder: string | undefined;
    for (let i = 0; i < 200 && !holder; i++) {
      const { rows } = await db.query<{ locked_by: string }>('SELECT locked_by FROM goose_lock WHERE locked').catch(() => ({ rows: [] }));
      holder = rows[0]?.locked_by;
      if (!holder) await sleep(10);
    }
    // goose's instance id form: hostname-pid-8 hex digits.
    expect(holder).toMatch(new RegExp(`-${process.pid}-[0-9a-f]{8}$`));
    expect((await db.query(gooseAcquire, [GOOSE_LOCK_ID.toString(), 'goose-host-1-deadbeef', '30 seconds'])).rows).toEqual([]);
    expect((await running).error).toBeUndefined();
    const taken = await db.query(gooseAcquire, [GOOSE_LOCK_ID.toString(), 'goose-host-1-deadbeef', '30 seconds']);
    expect(taken.rows).toHaveLength(1);
    await db.query(gooseRelease, [GOOSE_LOCK_ID.toString(), 'goose-host-1-deadbeef']);
  });

  it("waits for goose's holder and names it; a holder whose lease ran out (killed, no heartbeat) is taken over", async () => {
    await db.exec(`CREATE TABLE goose_lock (
		lock_id bigint NOT NULL PRIMARY KEY, locked boolean NOT NULL DEFAULT false, locked_at timestamptz NULL,
		locked_by text NULL, lease_expires_at timestamptz NULL, updated_at timestamptz NULL)`);
    // A goose process took the lock with a 30 s lease: gander waits, then gives up naming it.
    await db.query(gooseAcquire, [GOOSE_LOCK_ID.toString(), 'goose-host-1-deadbeef', '30 seconds']);
    const waits: (string | null | undefined)[] = [];
    const blocked = await createProvider({ db, sources: slow, lockMode: 'table', lockTimeoutMs: 300, lockPollMs: 50, onEvent: (e) => e.type === 'lock-wait' && waits.push(e.lockedBy) });
    const refused = await blocked.up();
    expect(refused.error?.code).toBe('E_LOCK_TIMEOUT');
    expect(refused.error!.message).toContain('held by goose-host-1-deadbeef');
    expect(waits).toEqual(['goose-host-1-deadbeef']);
    // The holder dies: nothing renews its lease, which runs out.
    await db.exec(`UPDATE goose_lock SET lease_expires_at = now() + interval '200 milliseconds'`);
    const taker = await createProvider({ db, sources: slow, lockMode: 'table', lockTimeoutMs: 5000, lockPollMs: 50 });
    const result = await taker.up();
    expect(result.error).toBeUndefined();
    expect(result.results.map((r) => r.version)).toEqual([1n]);
  });

  it('renews its lease with a heartbeat while a migration runs longer than the lease', async () => {
    const lock = tableLock({ heartbeatDb: db, leaseMs: 300, heartbeatMs: 50 });
    const session = await db.session();
    try {
      await lock.acquire(session);
      await sleep(700);
      // Past the first lease, still ours: goose's acquire cannot win.
      expect((await db.query(gooseAcquire, [GOOSE_LOCK_ID.toString(), 'goose-host-1-deadbeef', '30 seconds'])).rows).toEqual([]);
      await lock.release(session);
      const { rows } = await db.query<{ locked: boolean }>('SELECT locked FROM goose_lock');
      expect(rows).toEqual([{ locked: false }]);
    } finally {
      await session.release();
    }
  });
});
