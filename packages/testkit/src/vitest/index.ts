export { migrationSuite, type MigrationSuiteOptions, type SuiteLint, type SuiteSeed } from './migration-suite.js';
