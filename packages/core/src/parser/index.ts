export type { Direction, ParsedMigrationSql, ParsedSql, ParsedStatement, ParseOptions } from './types.js';
export { parseMigrationSql, parseSql, parseSqlStatements } from './parse.js';
export { hideSubstitutions, type Substitution } from './substitutions.js';
