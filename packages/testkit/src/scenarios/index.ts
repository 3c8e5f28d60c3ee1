export type { ScenarioOptions } from './migration-input.js';
export type { ScenarioReport, ScenarioStepError } from './scenario-report.js';
export { MigrationScenarioError } from './scenario-error.js';
export { assertMigrations, verifyMigrations, type VerifyMigrationsReport } from './verify-migrations.js';
export { createRoundTripper, type RoundTripper, type RoundTripPhase, type RoundTripResult, type SecondUpResult } from './round-trip.js';
export {
  assertDataIntegrity,
  verifyDataIntegrity,
  type DataIntegrityOptions,
  type DataIntegrityStep,
  type VerifyDataIntegrityReport,
} from './verify-data-integrity.js';
export {
  assertIdempotentSql,
  verifyIdempotentSql,
  type IdempotentSqlOptions,
  type VerifyIdempotentSqlReport,
} from './verify-idempotent-sql.js';
export { createIdempotencyChecker, type IdempotencyChecker, type IdempotencyResult } from './idempotency-checker.js';
export type { SeedInput } from './seed.js';
export { acceptedLine, type Acceptance, type Acceptances, type AcceptedDifference } from './acceptances.js';
