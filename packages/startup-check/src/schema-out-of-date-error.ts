import { GanderError, maskConnectionString } from '@gander/core';
import type { SchemaReport } from './schema-report.js';

export interface FixCommandOptions {
  /** The migrations directory as the operator would pass it (default `migrations`). */
  dir?: string;
  /** Connection string to show, password masked; `$DSN` when absent. */
  dsn?: string;
  /** The service runs on gander's embedded database: the command names no driver. */
  embedded?: boolean;
}

/** The command an operator runs to fix a stale schema, password masked. */
export function fixCommand(report: SchemaReport, options: FixCommandOptions = {}): string {
  const target = options.embedded ? '' : ` postgres ${options.dsn ? `"${maskConnectionString(options.dsn)}"` : '"$DSN"'}`;
  const allowMissing = report.missing.length > 0 ? ' -allow-missing' : '';
  return `gander -dir ${options.dir ?? 'migrations'}${allowMissing}${target} up-to ${report.requiredVersion}`;
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
