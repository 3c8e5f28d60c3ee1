import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPgbouncer, startPgbouncer, type RunningPgbouncer } from '../../../../packages/core/src/test-support/pgbouncer.js';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt, makeProject } from '../test-support/cli.js';
import { scalar, smallMigrations, startCli, waitFor, withClient } from './support.js';

// -lock-mode table behind a real PgBouncer in transaction pooling mode, where
// a session advisory lock can land on a server connection the next statement
// never sees. Racing gander processes, and a holder killed mid-run.
const pgbouncer = findPgbouncer();
const PROCESSES = 6;
const MIGRATIONS = 12;

describe.skipIf(!pgbouncer)('table lock through PgBouncer (transaction pooling)', () => {
  let database: TestDatabase;
  let bouncer: RunningPgbouncer;
  let cwd: string;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(process.env.GANDER_TEST_SERVER_URL!, 'gander_pgbouncer');
    bouncer = await startPgbouncer(pgbouncer!, database.url);
    cwd = await makeProject({
      ...smallMigrations(MIGRATIONS),
      // Long enough for the racers to pile up on the lock.
      'migrations/00013_slow.sql': '-- +goose Up\nSELECT pg_sleep(1.5);\n-- +goose Down\nSELECT 1;\n',
    });
  });
  afterAll(async () => {
    await bouncer?.stop();
    await database?.drop();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await withClient(database.url, (c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
  });

  const gander = (...args: string[]) => startCli(['-dir', 'migrations', '-lock-mode', 'table', ...args.slice(0, -1), 'postgres', bouncer.url, args.at(-1)!], cwd);

  it(`${PROCESSES} racing processes apply each migration exactly once`, async () => {
    const runs = await Promise.all(Array.from({ length: PROCESSES }, () => gander('up').output));
    expect(runs.map((r) => r.code)).toEqual(Array.from({ length: PROCESSES }, () => 0));
    const counts = await withClient(database.url, async (c) =>
      (await c.query<{ v: string; n: number }>('SELECT version_id::text AS v, count(*)::int AS n FROM goose_db_version GROUP BY 1 ORDER BY 1::bigint')).rows,
    );
    expect(counts).toHaveLength(MIGRATIONS + 2); // 0 … 13
    expect(counts.every((r) => r.n === 1)).toBe(true);
    expect(await scalar(database.url, 'SELECT count(*)::text AS v FROM goose_lock WHERE locked')).toBe('0');
  });

  it("a killed holder's lease is taken over once it runs out, and nothing is applied twice", async () => {
    const victim = gander('up');
    await waitFor('the first process to hold the lock and run the slow migration', async () =>
      withClient(database.url, async (c) => (await c.query("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(1.5)%'")).rows.length > 0),
    );
    const holder = await scalar(database.url, 'SELECT locked_by AS v FROM goose_lock WHERE locked');
    victim.kill('SIGKILL');
    await victim.output;
    // Its lease (30 s) is still running: a newcomer waits, names the dead holder and gives up.
    const early = await gander('-lock-timeout', '400ms', 'up').output;
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`held by ${holder}`);
    // Nothing renews the dead holder's lease: let it run out (as 30 s without a heartbeat would).
    await withClient(database.url, (c) => c.query(`UPDATE goose_lock SET lease_expires_at = now() - interval '1 second'`));
    const taker = await gander('up').output;
    expect(taker.code).toBe(0);
    const counts = await withClient(database.url, async (c) =>
      (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM goose_db_version GROUP BY version_id')).rows,
    );
    expect(counts).toHaveLength(MIGRATIONS + 2);
    expect(counts.every((r) => r.n === 1)).toBe(true);
  });
});

if (!pgbouncer) console.log('skipped: pgbouncer is not installed (bash .ci/install-pgbouncer.sh installs Debian\'s package)');
