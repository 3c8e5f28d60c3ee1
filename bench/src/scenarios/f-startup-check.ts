import { join } from 'node:path';
import { collectMigrations, createProvider, pgDatabase, type Database } from '@gander/core';
import { checkSchema } from '@gander/startup-check';
import { repeatedCallContestant, type OpenCall } from '../contestants/repeated-call.js';
import { markApplied } from '../fixtures/applied-versions.js';
import { copyDataStorage, PGVECTOR_FREE_PREFIX } from '../fixtures/data-storage.js';
import { connectRawPg } from '../harness/pg-backend.js';
import type { Scenario } from '../harness/types.js';

const ITERATIONS = 200;
const LATEST = 12n;

/** 001–004 really applied by gander (audit rows with checksums, for the drift check); 005–012 marked applied. */
async function prepareDatabase(url: string, dir: string, prefixDir: string): Promise<void> {
  const db = await pgDatabase(url);
  try {
    const result = await (await createProvider({ db, dir: prefixDir, env: {} })).up();
    if (result.error) throw result.error;
  } finally {
    await db.close();
  }
  const rest = (await collectMigrations(dir)).map((s) => s.version).filter((v) => v > PGVECTOR_FREE_PREFIX);
  await markApplied(url, rest);
}

/** One checkSchema call must say ok, or the bench would time a failure path. */
async function openCheck(url: string, check: (db: Database) => Promise<{ ok: boolean; problems: string[] }>): Promise<OpenCall> {
  const db = await pgDatabase(url);
  return {
    async call() {
      const report = await check(db);
      if (!report.ok) throw new Error(`checkSchema is not ok: ${report.problems.join('; ')}`);
    },
    close: () => db.close(),
  };
}

/** (f) The startup check's latency once connected, as a service pays it at start and on every /healthz. */
export const startupCheckScenario: Scenario = {
  id: 'f-startup-check',
  title: `checkSchema latency, once connected, up-to-date database at ${LATEST}, embedded PostgreSQL`,
  unit: 'ms',
  target: { kind: 'value', bound: 5, comparison: '<' },
  needsServer: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('f-startup-check needs the server');
    const dir = await copyDataStorage(join(scratch, 'f-startup-check', 'all'), () => true);
    const prefixDir = await copyDataStorage(join(scratch, 'f-startup-check', 'prefix'), (v) => v <= PGVECTOR_FREE_PREFIX);
    const database = await server.createDatabase('f_startup_check');
    await prepareDatabase(database.url, dir, prefixDir);
    const sources = await collectMigrations(dir);
    return {
      input: `${sources.length} migration files, versions 1–${LATEST} applied; median of ${ITERATIONS} calls per run`,
      notes: [
        `001–004 are applied by gander (so the audit log holds their checksums and the drift check has work); 005–012 need pgvector and are marked applied in goose_db_version directly.`,
        '"dir" reads the 12 files on every call, as apps/data-storage\'s /healthz does; "sources" passes files collected once at start.',
        'The floor is the one query any check must make: the version table over an open connection.',
      ],
      contestants: [
        repeatedCallContestant({
          name: 'one SELECT of goose_db_version',
          role: 'floor',
          iterations: ITERATIONS,
          async open() {
            const conn = await connectRawPg(database.url);
            return { call: () => conn.exec('SELECT version_id, is_applied FROM goose_db_version ORDER BY id DESC'), close: () => conn.close() };
          },
        }),
        repeatedCallContestant({
          name: 'checkSchema (dir)',
          role: 'gander',
          iterations: ITERATIONS,
          open: () => openCheck(database.url, (db) => checkSchema({ db, required: LATEST, dir })),
        }),
        repeatedCallContestant({
          name: 'checkSchema (sources)',
          role: 'gander',
          iterations: ITERATIONS,
          open: () => openCheck(database.url, (db) => checkSchema({ db, required: LATEST, sources })),
        }),
      ],
      cleanup: () => database.drop(),
    };
  },
};
