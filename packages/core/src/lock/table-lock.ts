import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';
import { GOOSE_LOCK_ID, type Lock } from './advisory-lock.js';

/** goose's lock.DefaultLockTableName. */
export const GOOSE_LOCK_TABLE = 'goose_lock';

export interface TableLockOptions {
  /** A connection pool for the heartbeat: it must renew the lease while the session runs a long statement. */
  heartbeatDb: Queryable;
  /** Lock table, goose's `goose_lock` by default (spliced as given, like goose). */
  table?: string;
  lockId?: bigint;
  /** How long a lease lasts unless renewed (goose: 30 s). */
  leaseMs?: number;
  /** How often the holder renews it (goose: 5 s). */
  heartbeatMs?: number;
  /** Give up after this long (default 5 minutes, like goose: 60 tries × 5 s). */
  timeoutMs?: number;
  /** How often to try again (default 500 ms, ±25% jitter as goose). */
  pollMs?: number;
  /** Called once when the first try finds the lock taken. */
  onWait?: (holder: TableLockHolder) => void;
  /** This process's name in locked_by (default goose's form: host-pid-random). */
  instanceId?: string;
}

export interface TableLockHolder {
  lockedBy: string | null;
  leaseExpiresAt: string | null;
}

/** goose's instance id: hostname-pid-8 hex digits. */
export function instanceId(): string {
  return `${hostname() || 'unknown-hostname'}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

const ident = /^(?:[A-Za-z_][\w$]*\.)?[A-Za-z_][\w$]*$/;

/**
 * goose v3.26's table locker (lock.NewPostgresTableLocker), row for row: table
 * goose_lock (lock_id, locked, locked_at, locked_by, lease_expires_at,
 * updated_at), one row per lock id, taken with goose's INSERT … ON CONFLICT
 * that only wins when the row is unlocked or its lease expired, renewed by a
 * heartbeat, released by clearing the row. Every statement stands alone (no
 * session state), so it works behind a transaction-pooling proxy such as
 * PgBouncer, and goose's table locker and gander exclude each other.
 */
export function tableLock(options: TableLockOptions): Lock & { readonly instanceId: string } {
  const table = options.table ?? GOOSE_LOCK_TABLE;
  if (!ident.test(table)) {
    throw new GanderError('E_INVALID_OPTION', `invalid lock table name ${JSON.stringify(table)}`, {
      hint: 'a plain identifier, optionally schema-qualified (goose splices it into SQL as given)',
    });
  }
  const lockId = (options.lockId ?? GOOSE_LOCK_ID).toString();
  const leaseMs = options.leaseMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const pollMs = Math.max(10, options.pollMs ?? 500);
  const me = options.instanceId ?? instanceId();
  // goose formats the lease as whole seconds; milliseconds keep short test leases exact.
  const lease = `${Math.max(1, Math.round(leaseMs))} milliseconds`;
  let heartbeat: NodeJS.Timeout | undefined;

  async function ensureTable(db: Queryable): Promise<void> {
    const [schema, name] = table.includes('.') ? table.split('.') : [undefined, table];
    const exists = async () =>
      (
        await db.query<{ exists: boolean }>(
          schema === undefined
            ? 'SELECT EXISTS ( SELECT 1 FROM pg_tables WHERE (current_schema() IS NULL OR schemaname = current_schema()) AND tablename = $1 ) AS exists'
            : 'SELECT EXISTS ( SELECT 1 FROM pg_tables WHERE schemaname = $2 AND tablename = $1 ) AS exists',
          schema === undefined ? [name] : [name, schema],
        )
      ).rows[0]?.exists === true;
    if (await exists()) return;
    try {
      await db.exec(`CREATE TABLE ${table} (
		lock_id bigint NOT NULL PRIMARY KEY,
		locked boolean NOT NULL DEFAULT false,
		locked_at timestamptz NULL,
		locked_by text NULL,
		lease_expires_at timestamptz NULL,
		updated_at timestamptz NULL
	)`);
    } catch (error) {
      // Another process created it at the same moment: fine, as goose says.
      if (!(await exists())) throw error;
    }
  }

  async function tryAcquire(db: Queryable): Promise<boolean> {
    const { rows } = await db.query<{ locked_by: string }>(
      `INSERT INTO ${table} (lock_id, locked, locked_at, locked_by, lease_expires_at, updated_at)
	VALUES ($1, true, now(), $2, now() + $3::interval, now())
	ON CONFLICT (lock_id) DO UPDATE SET
		locked = true,
		locked_at = now(),
		locked_by = $2,
		lease_expires_at = now() + $3::interval,
		updated_at = now()
	WHERE ${table}.locked = false OR ${table}.lease_expires_at < now()
	RETURNING locked_by, lease_expires_at`,
      [lockId, me, lease],
    );
    return rows[0]?.locked_by === me;
  }

  async function holder(db: Queryable): Promise<TableLockHolder> {
    const { rows } = await db.query<{ locked_by: string | null; lease_expires_at: string | null }>(
      `SELECT locked_by, lease_expires_at::text AS lease_expires_at FROM ${table} WHERE lock_id = $1`,
      [lockId],
    );
    return { lockedBy: rows[0]?.locked_by ?? null, leaseExpiresAt: rows[0]?.lease_expires_at ?? null };
  }

  function startHeartbeat(): void {
    heartbeat = setInterval(() => {
      void options.heartbeatDb
        .query(
          `UPDATE ${table} SET
		lease_expires_at = now() + $1::interval,
		updated_at = now()
	WHERE lock_id = $2 AND locked_by = $3 AND locked = true
	RETURNING lease_expires_at`,
          [lease, lockId, me],
        )
        .catch(() => undefined); // goose logs and carries on: the next beat may work
    }, heartbeatMs);
    heartbeat.unref();
  }

  return {
    instanceId: me,
    async acquire(session) {
      await ensureTable(session);
      const deadline = Date.now() + timeoutMs;
      let waited = false;
      for (;;) {
        if (await tryAcquire(session)) {
          startHeartbeat();
          return;
        }
        if (!waited) {
          waited = true;
          options.onWait?.(await holder(session));
        }
        if (Date.now() + pollMs > deadline) {
          const h = await holder(session);
          throw new GanderError(
            'E_LOCK_TIMEOUT',
            `could not take the migration lock (table ${table}, lock_id ${lockId}) within ${timeoutMs} ms: held by ${h.lockedBy ?? 'nobody visible'}${h.leaseExpiresAt ? `, lease until ${h.leaseExpiresAt}` : ''}`,
            {
              hint: `wait for the other migration to finish; a holder that died is taken over once its lease expires, or clear it by hand: UPDATE ${table} SET locked = false, locked_by = NULL, lease_expires_at = NULL WHERE lock_id = ${lockId}`,
            },
          );
        }
        // ±25% jitter, as goose.
        await sleep(pollMs * (0.75 + Math.random() * 0.5));
      }
    },
    async release(session) {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
      await session.query(
        `UPDATE ${table} SET
		locked = false,
		locked_at = NULL,
		locked_by = NULL,
		lease_expires_at = NULL,
		updated_at = now()
	WHERE lock_id = $1 AND locked_by = $2
	RETURNING lock_id`,
        [lockId, me],
      );
    },
  };
}
