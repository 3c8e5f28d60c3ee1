import type { Database, Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';
import { GanderMigrationError } from './migration-error.js';
import type { Blocker, LockTimeoutGuard } from './types.js';

/** lock_not_available: lock_timeout fired (or NOWAIT found the lock taken). */
export const LOCK_NOT_AVAILABLE = '55P03';

export interface ResolvedGuard {
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
}

export function resolveGuard(guard: LockTimeoutGuard | undefined): ResolvedGuard | undefined {
  if (!guard) return undefined;
  const attempts = guard.attempts ?? 5;
  const backoffMs = guard.backoffMs ?? 1000;
  if (!Number.isFinite(guard.timeoutMs) || guard.timeoutMs <= 0) {
    throw new GanderError('E_INVALID_OPTION', `lockTimeoutGuard.timeoutMs must be more than 0 (got ${guard.timeoutMs})`, {
      hint: 'give a duration such as 2s (--lock-timeout-guard 2s)',
    });
  }
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new GanderError('E_INVALID_OPTION', `lockTimeoutGuard.attempts must be a whole number of 1 or more (got ${attempts})`);
  }
  if (!Number.isFinite(backoffMs) || backoffMs < 0) {
    throw new GanderError('E_INVALID_OPTION', `lockTimeoutGuard.backoffMs must be 0 or more (got ${backoffMs})`);
  }
  return { timeoutMs: Math.ceil(guard.timeoutMs), attempts, backoffMs };
}

/** The wait before attempt `next` (2-based): backoff, doubled each time. */
export function backoffBefore(guard: ResolvedGuard, next: number): number {
  return guard.backoffMs * 2 ** Math.max(0, next - 2);
}

export function isLockNotAvailable(error: unknown): boolean {
  if (error instanceof GanderMigrationError) return error.failure.sqlState === LOCK_NOT_AVAILABLE;
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function describeBlockers(blockers: readonly Blocker[]): string {
  if (blockers.length === 0) return 'no blocking session was seen (it may have finished just then, or you lack the rights to see it)';
  return blockers
    .map((b) => {
      const age = b.transactionAgeSeconds ?? b.queryAgeSeconds;
      const query = b.query ? `, query ${JSON.stringify(b.query.length > 80 ? `${b.query.slice(0, 80)}…` : b.query)}` : '';
      return `pid ${b.pid} (application_name=${JSON.stringify(b.applicationName)}${b.user ? `, user=${b.user}` : ''}, ${b.state ?? 'unknown state'}${age === null ? '' : `, transaction open ${age.toFixed(1)} s`}${query})`;
    })
    .join('; ');
}

async function blockersOf(db: Queryable, pid: number): Promise<Blocker[]> {
  const { rows } = await db.query<{
    pid: number;
    application_name: string | null;
    usename: string | null;
    state: string | null;
    xact_age: number | null;
    query_age: number | null;
    query: string | null;
  }>(
    `SELECT a.pid, a.application_name, a.usename, a.state,
            extract(epoch FROM now() - a.xact_start)::float8 AS xact_age,
            extract(epoch FROM now() - a.query_start)::float8 AS query_age, a.query
       FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids($1)) ORDER BY a.pid`,
    [pid],
  );
  return rows.map((r) => ({
    pid: r.pid,
    applicationName: r.application_name ?? '',
    user: r.usename,
    state: r.state,
    transactionAgeSeconds: r.xact_age === null ? null : Number(r.xact_age),
    queryAgeSeconds: r.query_age === null ? null : Number(r.query_age),
    query: r.query,
  }));
}

/**
 * While a guarded statement waits, look from another connection at who blocks
 * it: once the lock timeout fires, the wait (and pg_blocking_pids' answer) is
 * gone. Keeps the last non-empty answer. PGlite has one connection: nothing to
 * watch from, and nothing else can hold a lock.
 */
export function watchBlockers(db: Database, pid: number | undefined, guard: ResolvedGuard): { stop(): Promise<Blocker[]> } {
  if (pid === undefined || db.kind !== 'postgres') return { stop: async () => [] };
  let seen: Blocker[] = [];
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const every = Math.max(10, Math.min(200, Math.floor(guard.timeoutMs / 3)));
  const poll = () => {
    inFlight = blockersOf(db, pid)
      .then((found) => {
        if (found.length > 0) seen = found;
      })
      .catch(() => undefined);
  };
  const timer = setInterval(poll, every);
  timer.unref();
  return {
    async stop() {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        await inFlight;
        // One last look: the lock may have been given up only just now.
        if (seen.length === 0) await blockersOf(db, pid).then((found) => (seen = found)).catch(() => undefined);
      }
      return seen;
    },
  };
}

export function lockNotAvailableError(file: string, guard: ResolvedGuard, blockers: readonly Blocker[], cause: unknown): GanderError {
  const what = cause instanceof GanderError ? cause.message : String((cause as Error | undefined)?.message ?? cause);
  return new GanderError(
    'E_LOCK_NOT_AVAILABLE',
    `${file}: gave up after ${guard.attempts} attempt${guard.attempts === 1 ? '' : 's'} waiting at most ${guard.timeoutMs} ms each for a lock; blocked by ${describeBlockers(blockers)}: ${what}`,
    {
      hint: 'let the blocking transaction finish (or end it: SELECT pg_terminate_backend(<pid>)), then run the command again; raise the attempts or the timeout only if queries may wait that long behind the migration',
      cause,
    },
  );
}
