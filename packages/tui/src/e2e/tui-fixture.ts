// Run by the end-to-end test inside tmux (and by hand, for the README's screen
// capture): a PGlite database in the given directory, the test migrations, the
// real runTui on the real terminal. Run from packages/tui:
//   node --conditions=@gander/source --import tsx src/e2e/tui-fixture.ts <data-dir> [broken]
// With `broken`, a fifth migration fails at its second statement.
import { createProvider, pgliteDatabase } from '@gander/core';
import { runTui } from '../run-tui.js';
import { goodSources, sourcesWithBroken } from '../test-support/migrations.js';

const [dataDir, variant] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: tui-fixture.ts <pglite-data-dir> [broken]');
  process.exit(2);
}
// The fixture owns the database, so it closes it; runTui never does.
const db = await pgliteDatabase({ dataDir, vector: false });
try {
  const provider = await createProvider({ db, sources: variant === 'broken' ? sourcesWithBroken() : goodSources(), envLabel: 'e2e' });
  await runTui({ provider });
  console.log(`gander-e2e: quit at version ${await provider.version()}`);
} finally {
  await db.close();
}
