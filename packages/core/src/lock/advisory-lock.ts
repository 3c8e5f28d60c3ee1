import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';

/** goose's lock id (lock/postgres.go DefaultLockID), so goose's Provider and gander exclude each other. */
export const GOOSE_LOCK_ID = 4097083626n;

export interface LockOptions {
  lockId?: bigint;
  /** Give up after this long (default 5 minutes, like goose: 60 retries × 5 s). */
  timeoutMs?: number;
  /** How often to try again while another session holds the lock (default 500 ms). */
  pollMs?: number;
  /** Called once when the first try finds the lock taken. */
  onWait?: (holders: LockHolder[]) => void;
}

export interface LockHolder {
  pid: number;
  applicationName: string;
  clientAddr: string | null;
  user: string | null;
  since: string | null;
  query: string | null;
}

export interface Lock {
  acquire(session: Queryable): Promise<void>;
  release(session: Queryable): Promise<void>;
}

/** pg_locks keeps a bigint advisory key as (classid = high 32 bits, objid = low 32 bits, objsubid = 1). */
function lockKeyParts(id: bigint): [string, string] {
  const unsigned = BigInt.asUintN(64, id);
  return [(unsigned >> 32n).toString(), (unsigned & 0xffffffffn).toString()];
}

export async function findLockHolders(db: Queryable, lockId: bigint = GOOSE_LOCK_ID): Promise<LockHolder[]> {
  const [classid, objid] = lockKeyParts(lockId);
  const { rows } = await db.query<{
    pid: number;
    application_name: string | null;
    client_addr: string | null;
    usename: string | null;
    backend_start: string | null;
    query: string | null;
  }>(
    `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr, a.usename, a.backend_start::text AS backend_start, a.query
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid::text = $1 AND l.objid::text = $2 AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid <> pg_backend_pid()`,
    [classid, objid],
  );
  return rows.map((r) => ({
    pid: r.pid,
    applicationName: r.application_name ?? '',
    clientAddr: r.client_addr,
    user: r.usename,
    since: r.backend_start,
    query: r.query,
  }));
}

export function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return 'no holder is visible (it may have just released it, or you lack the rights to see it)';
  return holders
    .map(
      (h) =>
        `pid ${h.pid} (application_name=${JSON.stringify(h.applicationName)}, client=${h.clientAddr ?? 'local socket'}${h.user ? `, user=${h.user}` : ''}${h.since ? `, connected since ${h.since}` : ''})`,
    )
    .join('; ');
}

/**
 * A PostgreSQL session advisory lock, taken with pg_try_advisory_lock and
 * polled until the timeout, as goose's Provider does. Session-level: it dies
 * with the connection, so a crashed run never leaves it behind.
 */
export function advisoryLock(options: LockOptions = {}): Lock {
  const lockId = options.lockId ?? GOOSE_LOCK_ID;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const pollMs = Math.max(10, options.pollMs ?? 500);
  return {
    async acquire(session) {
      const deadline = Date.now() + timeoutMs;
      let waited = false;
      for (;;) {
        const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
          lockId.toString(),
        ]);
        if (rows[0]?.locked) return;
        if (!waited) {
          waited = true;
          options.onWait?.(await findLockHolders(session, lockId));
        }
        if (Date.now() + pollMs > deadline) {
          const holders = await findLockHolders(session, lockId);
          throw new GanderError(
            'E_LOCK_TIMEOUT',
            `could not take the migration lock (advisory lock ${lockId}) within ${timeoutMs} ms: held by ${describeHolders(holders)}`,
            {
              hint: 'wait for the other migration to finish, or if that process is stuck, end its session with SELECT pg_terminate_backend(<pid>)',
            },
          );
        }
        // Jitter spreads out many waiters that all poll the same lock.
        await sleep(pollMs / 2 + Math.random() * pollMs);
      }
    },
    async release(session) {
      await session.query('SELECT pg_advisory_unlock($1)', [lockId.toString()]);
    },
  };
}

/** For databases where a lock is impossible or unwanted; only when the caller asks for it. */
export function noopLock(): Lock {
  return { acquire: async () => undefined, release: async () => undefined };
}
