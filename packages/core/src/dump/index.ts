export { parseDump, type DumpEntry, type ParsedDump } from './dump-entries.js';
export { downStatements, gooseMigrationFromDump, needsStatementBlock, type DumpFileHeader, type SquashGuard } from './goose-file.js';
export { findPgDump, parsePgDumpVersion, type FindPgDumpOptions, type PgDumpBinary, type PgDumpOrigin } from './pg-dump-binary.js';
export { connectionFromUrl, pgDumpArguments, pgDumpEnvironment, runPgDump, type PgDumpConnection } from './run-pg-dump.js';
export { assertPgDumpMatches, majorOfVersionNum, serverVersion, type ServerVersion } from './server-version.js';
export { replacedChecksums, squashMarkerLine } from './squash-marker.js';
export { dumpSchema, excludedTablePatterns, type DumpSchemaOptions, type SchemaDump } from './dump-schema.js';
