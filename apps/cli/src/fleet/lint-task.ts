import type { FleetTask } from '@gander/core';
import { readDatabaseContext, runLint } from '@gander/lint';
import { CliError } from '../errors.js';

export interface FleetLintOptions {
  /** The migrations folder, as this process can read it. */
  dir: string;
  cwd: string;
  /** -lint-config, when given. */
  configPath?: string;
  /** -fail-on-warnings: a warning fails the database too. */
  failOnWarnings: boolean;
}

/**
 * `gander fleet lint`: `gander lint` in database mode on every database, through
 * its provider (read-only, no lock): each database is judged on the migrations
 * it has not applied yet, its drifted files, and its own table sizes. A
 * database fails when its findings hold an error (or a warning, with
 * -fail-on-warnings); the counts go to the report.
 */
export function fleetLintTask(options: FleetLintOptions): FleetTask {
  return {
    name: 'lint',
    mutates: false,
    async run(provider) {
      const database = await readDatabaseContext(provider, provider.db);
      const report = await runLint({
        paths: [options.dir],
        cwd: options.cwd,
        database,
        ...(options.configPath ? { configPath: options.configPath } : {}),
      });
      const { errors, warnings } = report.summary;
      const failed = errors > 0 || (options.failOnWarnings && warnings > 0);
      const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
      return {
        details: { errors, warnings, pending: database.pending.size, rules },
        ...(failed
          ? {
              error: new CliError('E_LINT', `lint found ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${rules.join(', ')})`, {
                hint: 'run gander lint -db on this database to see each finding with its file:line',
              }),
            }
          : {}),
      };
    },
  };
}
