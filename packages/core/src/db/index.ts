export type { Database, DatabaseKind, QueryResult, Queryable, Session } from './database.js';
export { maskConnectionString, redactSecrets } from './mask.js';
export { pgDatabase, type PgTarget } from './pg-adapter.js';
export { pgliteDatabase, type PgliteInstance, type PgliteOptions } from './pglite-adapter.js';
export { PGLITE_EXTENSIONS } from './pglite-extension-names.js';
export { extensionsCreatedBy } from './created-extensions.js';
export { EMBEDDED_DATA_DIR, openDatabase, type DatabaseTarget } from './open.js';
export { dataDirLockPath, describeDataDirHolder, lockDataDir, type DataDirLock, type DataDirLockHolder, type DataDirLockOptions } from './data-dir-lock.js';
