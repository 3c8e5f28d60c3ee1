import type { Database, Session } from '@gander/core';

/**
 * Stopping a run when no statement is running to cancel: between two
 * statements (pg_cancel_backend would hit nothing and the run would go on),
 * or on PGlite, which runs in this thread and cannot be cancelled from
 * outside. `stop()` makes the next statement a session sends fail as
 * PostgreSQL fails a cancelled one (SQLSTATE 57014), so the provider rolls
 * back, records the failure and reports, exactly as for a cancelled statement.
 * Only one statement fails: the ROLLBACK and the audit row that follow go
 * through.
 */
export interface Stoppable {
  db: Database;
  /** True while a session statement is running (a server-side cancel can reach it). */
  busy(): boolean;
  /** Fail the next statement a session sends. */
  stop(): void;
}

function cancelledError(): Error {
  return Object.assign(new Error('canceling statement due to user request'), { code: '57014', severity: 'ERROR' });
}

/** `inner`, with sessions made by `session`: queries, statements and close go straight to it. */
export function withSessions(inner: Database, session: () => Promise<Session>): Database {
  return {
    kind: inner.kind,
    target: inner.target,
    query: (sql, params) => inner.query(sql, params),
    exec: (sql) => inner.exec(sql),
    close: () => inner.close(),
    session,
  };
}

export function stoppable(inner: Database): Stoppable {
  let running = 0;
  let stopRequested = false;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    if (stopRequested) {
      stopRequested = false;
      throw cancelledError();
    }
    running++;
    try {
      return await work();
    } finally {
      running--;
    }
  };
  const db = withSessions(inner, async (): Promise<Session> => {
    const session = await inner.session();
    return {
      // Statements go through exec; bookkeeping queries are never the ones stopped.
      query: (sql, params) => session.query(sql, params),
      exec: (sql) => track(() => session.exec(sql)),
      release: () => session.release(),
    };
  });
  return {
    db,
    busy: () => running > 0,
    stop() {
      stopRequested = true;
    },
  };
}
