import { parseMigrationSql } from '@gander/core';
import { generateMigrationSql } from '../fixtures/migration-sql.js';
import type { Scenario } from '../scenario.js';

const TARGET_BYTES = 10 * 1000 * 1000;

/** Parse a ~10 MB migration in both directions, as the provider does for every SQL file. */
export const parserScenario: Scenario = {
  name: 'parser: parseMigrationSql, ~10 MB file, up + down',
  unit: 'MB/s',
  target: 50,
  higherIsBetter: true,
  async prepare() {
    const generated = generateMigrationSql(TARGET_BYTES);
    const check = parseMigrationSql(generated.sql, { env: {} });
    if (check.up.length !== generated.upStatements || check.down.length !== generated.downStatements) {
      throw new Error(
        `parser bench input parsed to ${check.up.length}/${check.down.length} statements, expected ${generated.upStatements}/${generated.downStatements}`,
      );
    }
    const megabytes = generated.bytes / 1e6;
    return {
      input: `${megabytes.toFixed(2)} MB, ${generated.upStatements} up / ${generated.downStatements} down statements`,
      run: () => parseMigrationSql(generated.sql, { env: {} }),
      toValue: (seconds) => megabytes / seconds,
    };
  },
};
