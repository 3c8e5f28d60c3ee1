import { EMBEDDED_DATA_DIR, GanderError, maskConnectionString } from '@gander/core';
import type { SchemaReport } from './schema-report.js';

export interface FixCommandOptions {
  /** The migrations directory as the operator would pass it (default `migrations`). */
  dir?: string;
  /** Connection string to show, password masked; `$DSN` when absent. */
  dsn?: string;
  /**
   * The environment variable the service reads its connection string from:
   * the command says `"$NAME"`, which runs as written where that variable is
   * set and never shows the password. Wins over `dsn`.
   */
  dsnVariable?: string;
  /**
   * The service runs on gander's embedded database: the command names it as
   * `pglite DIR` (gander refuses a changing command on the implicit embedded
   * database without a terminal or in CI, so the explicit form is the one
   * that runs as written).
   */
  embedded?: boolean;
  /** The embedded database's data directory as the operator would pass it (default `.gander/pglite`). */
  embeddedDir?: string;
}

/** A word for a POSIX shell: as it is when it needs no quoting, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function fixTarget(options: FixCommandOptions): string {
  if (options.embedded || options.embeddedDir !== undefined) return ` pglite ${shellWord(options.embeddedDir ?? EMBEDDED_DATA_DIR)}`;
  if (options.dsnVariable !== undefined) return ` postgres "$${options.dsnVariable}"`;
  return ` postgres ${options.dsn ? `"${maskConnectionString(options.dsn)}"` : '"$DSN"'}`;
}

/** The command an operator runs to fix a stale schema, password masked. */
export function fixCommand(report: SchemaReport, options: FixCommandOptions = {}): string {
  const allowMissing = report.missing.length > 0 ? ' -allow-missing' : '';
  return `gander -dir ${shellWord(options.dir ?? 'migrations')}${allowMissing}${fixTarget(options)} up-to ${report.requiredVersion}`;
}

/** The service must not start: the schema is behind (or drifted, or ahead in exact mode). */
export class SchemaOutOfDateError extends GanderError {
  readonly report: SchemaReport;
  readonly command: string;

  constructor(report: SchemaReport, options: FixCommandOptions = {}) {
    const command = fixCommand(report, options);
    const behind = report.pending.length > 0 || report.missing.length > 0 || report.currentVersion < report.requiredVersion;
    super(
      'E_SCHEMA_STALE',
      `database schema is not ready: current version ${report.currentVersion}, required ${report.requiredVersion}: ${report.problems.join('; ')}`,
      { hint: behind ? `run: ${command}` : 'see the problems above; the schema needs a person, not an up' },
    );
    this.name = 'SchemaOutOfDateError';
    this.report = report;
    this.command = command;
  }
}
