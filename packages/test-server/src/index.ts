export { TestServerError, type TestServerErrorCode } from './errors.js';
export { startLocalPostgres, type LocalPostgres, type LocalPostgresKind, type LocalPostgresOptions } from './local-binaries.js';
export { embeddedPostgresBinDir, startEmbeddedBinaries } from './embedded-binaries.js';
export { findLocalBinDir, type LocalBinDirFound } from './local-bin-dir.js';
export { vectorServerTarget, type VectorServerTarget } from './vector-server.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
export { findFreePort } from './free-port.js';
export { spawnReaper, type Reaper, type ReaperTarget } from './reaper.js';
