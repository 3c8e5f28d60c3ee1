export { createProvider, type Provider } from './provider.js';
export { GanderMigrationError, type StatementFailure } from './migration-error.js';
export { dbStateFromRows, type DbState } from './db-state.js';
export { isDrifted } from './status.js';
export { describeBlockers } from './lock-guard.js';
export { createdIndexNames } from './failed-state.js';
export type {
  BaselineOptions,
  BaselineResult,
  Blocker,
  FailedMigration,
  LockMode,
  LockTimeoutGuard,
  MigrationResult,
  MigrationState,
  MigrationStatus,
  Plan,
  PlannedMigration,
  PlannedStatement,
  PlanOperation,
  ProviderEvent,
  ProviderOptions,
  RunResult,
  StatusReport,
} from './types.js';
