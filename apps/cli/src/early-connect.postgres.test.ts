import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '@gander/test-server';
import { openTarget, resolveTarget } from './connect.js';
import { discardEarlyConnection, startEarlyConnect } from './early-connect.js';
import { useAdminDatabase } from './test-support/admin-database.js';

// The early connect (early-connect.ts) must save time without changing what the
// command does: openTarget takes over the connection it made, a failure reads
// exactly as it would have, and a connection nobody takes is closed.

const NO_TLS_FILES = { certfile: '', sslCert: '', sslKey: '' };
let database: TestDatabase;
let admin: pg.Client;

useAdminDatabase('gander_early', (opened) => ({ database, admin } = opened));

/** A DBSTRING for the test database under an application name of its own (no sslmode: libpq's `prefer`). */
function dsn(applicationName: string, password?: string): string {
  const url = new URL(database.url);
  if (password !== undefined) url.password = password;
  url.search = `?application_name=${applicationName}`;
  return url.toString();
}

async function backends(applicationName: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid', [applicationName]);
  return rows.map((r) => r.pid);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return read();
}

describe('the early connect', () => {
  it('is taken over by openTarget: one backend, the session runs on it', async () => {
    const name = `gander_early_${randomBytes(4).toString('hex')}`;
    await startEarlyConnect(dsn(name), {}, NO_TLS_FILES, process.cwd());
    const early = await until(() => backends(name), (pids) => pids.length === 1);
    expect(early).toHaveLength(1);
    const opened = await openTarget(resolveTarget('postgres', dsn(name), process.cwd(), {}), NO_TLS_FILES, process.cwd());
    try {
      const { rows } = await opened.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(rows[0]!.pid).toBe(early[0]);
      expect(await backends(name)).toEqual(early);
    } finally {
      await opened.db.close();
    }
    expect(await until(() => backends(name), (pids) => pids.length === 0)).toEqual([]);
  });

  it('fails as a connect without it fails: same code, same message', async () => {
    const name = `gander_early_${randomBytes(4).toString('hex')}`;
    const wrong = dsn(name, 'not-the-password');
    const target = () => resolveTarget('postgres', wrong, process.cwd(), {});
    const fresh = (await openTarget(target(), NO_TLS_FILES, process.cwd()).catch((e: unknown) => e)) as { code?: string; message?: string };
    await startEarlyConnect(wrong, {}, NO_TLS_FILES, process.cwd());
    const replayed = (await openTarget(target(), NO_TLS_FILES, process.cwd()).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(fresh.code).toBe('E_CONNECTION');
    expect(fresh.message).toMatch(/password authentication failed/);
    expect({ code: replayed.code, message: replayed.message }).toEqual({ code: fresh.code, message: fresh.message });
  });

  it('is closed when nobody takes it over', async () => {
    const name = `gander_early_${randomBytes(4).toString('hex')}`;
    await startEarlyConnect(dsn(name), {}, NO_TLS_FILES, process.cwd());
    expect(await until(() => backends(name), (pids) => pids.length === 1)).toHaveLength(1);
    discardEarlyConnection();
    expect(await until(() => backends(name), (pids) => pids.length === 0)).toEqual([]);
  });
});
