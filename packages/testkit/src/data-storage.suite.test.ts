import { join } from 'node:path';
import { DATA_STORAGE_MIGRATIONS } from './test-support/server-database.js';
import { migrationSuite } from './vitest/migration-suite.js';

// The whole Data Storage set: a round trip per migration, the data of
// seed_v001.sql through every later migration, and DD-012's IF NOT EXISTS /
// IF EXISTS rule for every Up and Down. `auto`: 005 creates pgvector, so on a
// server without it (the embedded binaries) the suite runs on a cluster from
// GANDER_PG_BIN with pgvector (CI: pgserver's PostgreSQL 16), else on PGlite
// with pgvector, and its describe title says which; on a server with pgvector
// (GANDER_TEST_DATABASE_URL=… pgvector/pgvector:pg16) it runs there.
migrationSuite({
  dir: DATA_STORAGE_MIGRATIONS,
  database: 'auto',
  seed: { file: join(DATA_STORAGE_MIGRATIONS, 'testdata', 'seed_v001.sql'), at: 1 },
  idempotentSql: { down: true },
});
