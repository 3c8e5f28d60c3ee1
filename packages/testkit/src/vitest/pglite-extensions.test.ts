import { collectMigrations } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { verifyMigrations } from '../scenarios/verify-migrations.js';
import { pgliteServer } from '../server/pglite-server.js';
import { testdata } from '../test-support/server-database.js';
import { withMigrationExtensions } from './pglite-extensions.js';

// On PGlite a suite loads the contrib extensions its migrations create: PGlite
// takes extensions only at start-up.
describe('the suite on PGlite', () => {
  it('runs a history that creates uuid-ossp and citext', async () => {
    const sources = await collectMigrations(testdata('pglite-contrib'));
    const chosen = withMigrationExtensions({ server: pgliteServer(), owned: true, note: undefined }, sources);
    const database = await chosen.server.createDatabase();
    try {
      const report = await verifyMigrations({ db: database.db, sources });
      expect(report.failures).toEqual([]);
      expect(report.migrations[0]!.changes).toContain('+ extension uuid-ossp (1.1, schema public)');
    } finally {
      await chosen.server.stop();
    }
  }, 180_000); // PGlite's start-up plus two extension bundles: slow on a busy machine

  it('says which extension PGlite lacks, and which file needs it', async () => {
    const sources = [{ ...(await collectMigrations(testdata('pglite-contrib')))[0]!, content: 'CREATE EXTENSION postgis;' }];
    const chosen = withMigrationExtensions({ server: pgliteServer(), owned: true, note: undefined }, sources);
    await expect(chosen.server.createDatabase()).rejects.toMatchObject({
      code: 'E_EXTENSION_UNAVAILABLE',
      message: 'the embedded database (PGlite) has no "postgis" extension, needed by 00001_extensions.sql',
    });
  });
});
