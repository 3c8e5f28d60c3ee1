// Type-checked with skipLibCheck: false under node16 and bundler resolution:
// every public entry point's declarations must resolve in a consumer project.
import { createProvider, pgDatabase, pgliteDatabase, type Database, type MigrationSource } from '@gander/core';
import { checkSchema, type SchemaReport } from '@gander/startup-check';
import { verifyMigrations, type VerifyMigrationsReport } from '@gander/testkit';
import { migrationSuite } from '@gander/testkit/vitest';
import { setup, teardown } from '@gander/testkit/global-setup';
import { formatText, lintFiles, type LintReport } from '@gander/lint';

export async function check(db: Database, sources: readonly MigrationSource[]): Promise<[SchemaReport, VerifyMigrationsReport]> {
  const provider = await createProvider({ db, sources });
  await provider.status();
  return [await checkSchema({ db, sources, required: 'latest' }), await verifyMigrations({ db, sources })];
}

export const entryPoints = [pgDatabase, pgliteDatabase, migrationSuite, setup, teardown, lintFiles, formatText];
export type LintReportType = LintReport;
