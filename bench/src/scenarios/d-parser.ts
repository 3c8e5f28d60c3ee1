import { parseMigrationSql } from '@gander/core';
import { callContestant } from '../contestants/in-process.js';
import { generateMigrationSql } from '../fixtures/migration-sql.js';
import type { Scenario } from '../harness/types.js';

const TARGET_BYTES = 10 * 1000 * 1000;

/** (d) Parser throughput: parse a ~10 MB migration in both directions, as the provider does for every SQL file. */
export const parserScenario: Scenario = {
  id: 'd-parser',
  title: 'parseMigrationSql on a ~10 MB file, up + down',
  unit: 'MB/s',
  target: { kind: 'value', bound: 50, comparison: '>=' },
  needsServer: false,
  async prepare() {
    const input = generateMigrationSql(TARGET_BYTES);
    const check = parseMigrationSql(input.sql, { env: {} });
    if (check.up.length !== input.upStatements || check.down.length !== input.downStatements) {
      throw new Error(
        `parser bench input parsed to ${check.up.length}/${check.down.length} statements, expected ${input.upStatements}/${input.downStatements}`,
      );
    }
    const megabytes = input.bytes / 1e6;
    return {
      input: `${megabytes.toFixed(2)} MB, ${input.upStatements} up / ${input.downStatements} down statements`,
      notes: ['No peer: dbmate and node-pg-migrate do not split statements (they send each section whole), so there is nothing alike to compare.'],
      toValue: (seconds) => megabytes / seconds,
      contestants: [callContestant({ name: 'gander parseMigrationSql', role: 'gander', call: () => parseMigrationSql(input.sql, { env: {} }) })],
    };
  },
};
