/**
 * `@gander/core/parsing`: goose's file names and SQL splitting alone, without
 * the provider, the stores or the database adapters. For tools that only read
 * migration files (the linter, in every worker thread it starts): the package
 * index loads about 50 modules more, a cost paid on every cold start.
 */
export * from './errors.js';
export * from './parser/index.js';
export { parseMigrationFileName, parseVersionFromFileName, type FileNameResult } from './source/file-name.js';
export type { MigrationKind } from './source/types.js';
