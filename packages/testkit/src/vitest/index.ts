export { migrationSuite, type MigrationSuiteOptions, type SuiteSeed } from './migration-suite.js';
