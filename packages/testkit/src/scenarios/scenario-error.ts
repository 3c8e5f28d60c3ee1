import { TestkitError } from '../errors.js';
import type { ScenarioReport } from './scenario-report.js';

/**
 * Thrown by the `assert*` scenarios (and by the others with `throwOnFailure`)
 * when the migrations have a fault. The message lists every problem, each
 * naming the file and the object; `report` holds the whole structured report.
 */
export class MigrationScenarioError<Report extends ScenarioReport = ScenarioReport> extends TestkitError {
  readonly report: Report;

  constructor(report: Report) {
    super('E_SCENARIO_FAILED', formatFailures(report), {
      hint: 'fix the migration files named above; each line says which object or table is wrong',
    });
    this.name = 'MigrationScenarioError';
    this.report = report;
  }
}

function formatFailures(report: ScenarioReport): string {
  const count = report.failures.length;
  const head = `${report.scenario} found ${count} problem${count === 1 ? '' : 's'} (database ${report.database}):`;
  return [head, ...report.failures.map((failure) => indent(failure, '  '))].join('\n');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : `${prefix}    `) + line)
    .join('\n');
}

/** Throw when asked to and the report has failures; hand the report back otherwise. */
export function settle<Report extends ScenarioReport>(report: Report, throwOnFailure: boolean | undefined): Report {
  if (throwOnFailure && !report.ok) throw new MigrationScenarioError(report);
  return report;
}
