/* global console */
// The core and startup-check READMEs' examples, from a plain script.
import { collectMigrations, createProvider, extensionsCreatedBy, pgliteDatabase } from '@gander/core';
import { assertSchema, checkSchema } from '@gander/startup-check';

const sources = await collectMigrations('migrations');
const db = await pgliteDatabase({ extensions: extensionsCreatedBy(sources) });
try {
  const stale = await checkSchema({ db, dir: 'migrations', required: 'latest' });
  if (stale.ok !== false) throw new Error(`checkSchema on an empty database said ok: ${stale.problems.join('; ')}`);
  const provider = await createProvider({ db, sources });
  const run = await provider.up();
  if (run.error) throw run.error;
  console.log(`applied: ${run.results.map((r) => r.file).join(', ')}`);
  const report = await assertSchema({ db, dir: 'migrations', required: 'latest' });
  console.log(`startup check: ok at version ${report.currentVersion}`);
} finally {
  await db.close();
}
