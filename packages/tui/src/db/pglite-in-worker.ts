import { Worker } from 'node:worker_threads';
import {
  GanderError,
  lockDataDir,
  type DataDirLockHolder,
  type Database,
  type GanderErrorCode,
  type QueryResult,
  type Session,
} from '@gander/core';
import type { OpenRequest, Reply, Request, WireError } from './protocol.js';
import { workerStart } from './worker-url.js';

export interface PgliteInWorkerOptions {
  /** A data directory, or `memory://` (kept open for the whole session: closing it would lose it). */
  dataDir: string;
  /** How long to wait for another process's lock on the data directory (default core's 5 minutes). */
  lockTimeoutMs?: number;
}

export interface OpenOptions {
  /** CREATE EXTENSION names, with the files that need them (extensionsCreatedBy(sources)); PGlite loads them only when opening. */
  extensions?: ReadonlyMap<string, readonly string[]>;
  /** Called once when another process holds the data directory and we start waiting for it. */
  onWait?: (holder: DataDirLockHolder) => void;
}

/**
 * PGlite in a worker thread: the UI thread sends each statement and waits
 * for the answer without blocking, so the screen keeps drawing and keys are
 * read during a long statement. The database is opened per use (`use`): the
 * data directory's lock is taken, PGlite opens in the worker, the work runs,
 * PGlite closes (its files flushed) and the lock is let go. Between two uses
 * another process (a CLI `gander up` in another terminal) may take the
 * directory, and the next use reads what it left.
 */
export interface PgliteInWorker {
  /** Open, run `work` on the database, close; uses run one after another. */
  use<T>(work: (db: Database) => Promise<T>, options?: OpenOptions): Promise<T>;
  /** Close the database (if open) and end the worker; idempotent. */
  dispose(): Promise<void>;
}

function fromWire(wire: WireError): Error {
  if (wire.gander) {
    const hint = typeof wire.fields.hint === 'string' ? wire.fields.hint : undefined;
    return new GanderError(wire.fields.code as GanderErrorCode, wire.message, hint === undefined ? {} : { hint });
  }
  // PostgreSQL's fields (code, position, detail, hint…) are what core reads from a failed statement.
  const error = new Error(wire.message);
  error.name = wire.name;
  return Object.assign(error, wire.fields);
}

const MEMORY = 'memory://';

export function pgliteInWorker(options: PgliteInWorkerOptions): PgliteInWorker {
  const memory = options.dataDir === MEMORY || options.dataDir === '';
  const dataDir = memory ? MEMORY : options.dataDir;
  const start = workerStart('pglite-worker');
  // stdout/stderr: true keeps whatever PGlite prints in the worker off the screen the TUI draws.
  const worker = new Worker(start.script, { ...start.options, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  // Idle, the worker must not keep the process alive.
  worker.unref();
  let nextId = 0;
  const pending = new Map<number, { resolve: (reply: Reply & { ok: true }) => void; reject: (error: Error) => void }>();
  let dead: Error | undefined;
  const failAll = (error: Error) => {
    dead = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply);
    else waiter.reject(fromWire(reply.error));
  });
  worker.on('error', (error) => failAll(new GanderError('E_CONNECTION', `the embedded database's worker thread failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new GanderError('E_CONNECTION', `the embedded database's worker thread ended (exit code ${code})`)));

  // `Request` without its id, one member at a time (Omit over a union would merge them).
  type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;
  const send = (body: Body): Promise<Reply & { ok: true }> => {
    if (dead) return Promise.reject(dead);
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // Waiting on an answer keeps the process alive; idle it does not.
      worker.ref();
      worker.postMessage({ id, ...body } as Request);
    }).finally(() => {
      if (pending.size === 0) worker.unref();
    }) as Promise<Reply & { ok: true }>;
  };

  const ops = {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      const reply = await send({ op: 'query', sql, params: params ? [...params] : undefined });
      return { rows: (reply.rows ?? []) as Row[] };
    },
    async exec(sql: string): Promise<void> {
      await send({ op: 'exec', sql });
    },
  };

  let target = `pglite:${dataDir}`;
  let memoryOpen = false;
  const open = async (opts: OpenOptions): Promise<void> => {
    const request: Omit<OpenRequest, 'id'> = {
      op: 'open',
      dataDir,
      extensions: [...(opts.extensions ?? new Map<string, readonly string[]>())].map(([name, files]) => [name, [...files]]),
    };
    target = (await send(request)).target ?? target;
  };

  // Uses run one at a time: each takes the directory's lock, and this process must not wait on itself.
  let turn: Promise<unknown> = Promise.resolve();
  const use = <T>(work: (db: Database) => Promise<T>, opts: OpenOptions = {}): Promise<T> => {
    const run = async (): Promise<T> => {
      if (memory) {
        // One database for the session: closing memory:// would lose it.
        if (!memoryOpen) await open(opts);
        memoryOpen = true;
        return work(database(async () => undefined));
      }
      const lock = await lockDataDir(dataDir, {
        ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
        ...(opts.onWait ? { onWait: opts.onWait } : {}),
      });
      try {
        await open(opts);
        try {
          return await work(database(async () => undefined));
        } finally {
          // Closing flushes PGlite's files: only then may another process have the directory.
          await send({ op: 'close' });
        }
      } finally {
        lock.release();
      }
    };
    const result = turn.then(run, run);
    turn = result.catch(() => undefined);
    return result;
  };

  const database = (close: () => Promise<void>): Database => ({
    kind: 'pglite',
    get target() {
      return target;
    },
    ...ops,
    async session(): Promise<Session> {
      // PGlite is one session: the session is the database.
      return { ...ops, release: async () => undefined };
    },
    close,
  });

  let disposed: Promise<void> | undefined;
  return {
    use,
    dispose() {
      disposed ??= (async () => {
        await turn;
        if (!dead) await send({ op: 'close' }).catch(() => undefined);
        await worker.terminate();
      })();
      return disposed;
    },
  };
}
