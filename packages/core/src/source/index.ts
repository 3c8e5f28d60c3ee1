export type { MigrationKind, MigrationSource } from './types.js';
export { parseMigrationFileName, parseVersionFromFileName, type FileNameResult } from './file-name.js';
export { childPathOf } from './child-path.js';
export { collectMigrations } from './collect.js';
export { sourcesFromList } from './from-list.js';
