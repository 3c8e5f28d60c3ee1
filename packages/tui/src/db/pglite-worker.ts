// The worker thread that runs PGlite, so a long statement never holds the UI
// thread: the screen keeps drawing and keys are read while it runs. It opens
// the database with core's own adapter (without its lock: the UI thread holds
// it) and answers one request at a time, in order.
import { parentPort } from 'node:worker_threads';
import { GanderError, pgliteDatabase, type Database } from '@gander/core';
import type { Reply, Request, WireError } from './protocol.js';

if (!parentPort) throw new Error('pglite-worker runs only as a worker thread');
const port = parentPort;
let db: Database | undefined;

function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {}, gander: false };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // Plain values only: a cause or a PGlite handle would not clone.
    if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, fields, gander: error instanceof GanderError };
}

async function handle(request: Request): Promise<Reply> {
  switch (request.op) {
    case 'open': {
      if (db) await db.close();
      db = undefined;
      db = await pgliteDatabase({ dataDir: request.dataDir, extensions: new Map(request.extensions), lock: false });
      return { id: request.id, ok: true, target: db.target };
    }
    case 'query': {
      if (!db) throw new Error('the database is not open');
      return { id: request.id, ok: true, rows: (await db.query(request.sql, request.params)).rows };
    }
    case 'exec': {
      if (!db) throw new Error('the database is not open');
      await db.exec(request.sql);
      return { id: request.id, ok: true };
    }
    case 'close': {
      const open = db;
      db = undefined;
      await open?.close();
      return { id: request.id, ok: true };
    }
  }
}

// One at a time: PGlite is one session, and the UI thread's order is the order of the statements.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: Request) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      reply = await handle(request);
    } catch (error) {
      reply = { id: request.id, ok: false, error: toWire(error) };
    }
    port.postMessage(reply);
  });
});
