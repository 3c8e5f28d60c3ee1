export type { MigrationKind, MigrationSource } from './types.js';
export { parseVersionFromFileName } from './file-name.js';
export { collectMigrations } from './collect.js';
export { sourcesFromList } from './from-list.js';
