import { testdata } from '../test-support/server-database.js';
import { migrationSuite } from './migration-suite.js';

// The one-liner a team writes, on a correct fixture set, with every scenario:
// `auto` picks the run's shared server (GANDER_TEST_SERVER_URL).
migrationSuite({
  dir: testdata('good'),
  seed: { file: testdata('seeds/good-at-1.sql'), at: 1 },
  idempotentSql: { down: true },
});
