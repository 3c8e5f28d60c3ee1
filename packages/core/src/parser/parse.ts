import { GanderParseError } from '../errors.js';
import { parseDirection } from './state-machine.js';
import { recordingEnv } from './substitutions.js';
import type { Direction, ParsedMigrationSql, ParsedSql, ParseOptions } from './types.js';

/** Statements of one direction, with their line numbers. Throws only GanderParseError. */
export function parseSqlStatements(sql: string, direction: Direction, options: ParseOptions = {}): ParsedSql {
  // Guards for JavaScript callers: the contract is "only GanderParseError".
  if (typeof sql !== 'string') {
    throw new GanderParseError('expected the migration file as a string', {
      file: options.file,
      line: 1,
      hint: 'read the file as text first, e.g. readFileSync(path, "utf8")',
    });
  }
  if (direction !== 'up' && direction !== 'down') {
    throw new GanderParseError(`unknown direction ${JSON.stringify(direction)}`, { file: options.file, line: 1, hint: 'use "up" or "down"' });
  }
  return parseDirection(sql, direction, options.file, options.env ?? process.env);
}

/** goose's `ParseSQLMigration`: the statement texts of one direction and whether to use a transaction. */
export function parseSql(sql: string, direction: Direction, options: ParseOptions = {}): { statements: string[]; useTx: boolean } {
  const parsed = parseSqlStatements(sql, direction, options);
  return { statements: parsed.statements.map((s) => s.sql), useTx: parsed.useTx };
}

/**
 * goose's `ParseAllFromFS`: both directions, `useTx` from the up pass. goose
 * runs the passes concurrently and reports whichever fails first; we run up
 * first, so an error in both reports the up one.
 */
export function parseMigrationSql(sql: string, options: ParseOptions = {}): ParsedMigrationSql {
  // Only an ENVSUB file reads variables: watch which, so their values can be hidden when printed.
  const watched = sql.includes('ENVSUB') ? recordingEnv(options.env ?? process.env) : undefined;
  const opts = watched ? { ...options, env: watched.env } : options;
  const up = parseSqlStatements(sql, 'up', opts);
  const down = parseSqlStatements(sql, 'down', opts);
  const substitutions = watched?.substitutions() ?? [];
  return { up: up.statements, down: down.statements, useTx: up.useTx, ...(substitutions.length > 0 ? { substitutions } : {}) };
}
