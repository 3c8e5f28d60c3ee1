import { GanderError } from '../errors.js';
import type { MigrationSource } from '../source/index.js';

/**
 * PostgreSQL refusing one of gander's own queries (the version table's schema
 * does not exist, missing privileges): not a bug, and not a migration's fault.
 */
export function databaseError(error: unknown): GanderError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const hint =
    code === '3F000'
      ? 'the version table\'s schema does not exist: create it first (CREATE SCHEMA …) or choose another table'
      : code === '42501'
        ? 'the database user lacks a privilege gander needs on the version table or the audit table'
        : 'PostgreSQL refused a query gander needed to read or record versions';
  return new GanderError('E_DATABASE', `${error.message} (SQLSTATE ${code})`, { hint, cause: error });
}

/** A failure of a run as a GanderError, or undefined when it is a bug to rethrow. */
export function runError(error: unknown): GanderError | undefined {
  if (error instanceof GanderError) return error;
  return databaseError(error);
}

export function driftError(drifted: readonly bigint[]): GanderError {
  const one = drifted.length === 1;
  return new GanderError(
    'E_DRIFT',
    `applied migration${one ? '' : 's'} ${drifted.join(', ')} changed since ${one ? 'it was' : 'they were'} applied (checksum differs from the audit log)`,
    { hint: 'restore the applied files as they were and put the change in a new migration, or pass allowDrift (--allow-drift)' },
  );
}

export function duplicateVersionError(prev: MigrationSource, cur: MigrationSource): GanderError {
  return new GanderError(
    'E_DUPLICATE_VERSION',
    `found duplicate migration version ${cur.version}:\n\texisting:${prev.path}\n\tcurrent:${cur.path}`,
    { hint: 'give each migration its own version number (gander fix renumbers timestamped files)' },
  );
}

export function versionNotFoundError(version: bigint): GanderError {
  return new GanderError('E_VERSION_NOT_FOUND', `no migration file for version ${version}`, {
    hint: 'restore the file, or pick a version that has one',
  });
}
