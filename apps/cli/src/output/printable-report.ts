import { CliError } from '../errors.js';
import type { ErrorReport } from './errors.js';
import { LABEL_MAX, printable, printableLine } from './printable.js';

/** An error report safe to print: no control characters from file names, server messages or statements. */
export function printableReport(report: ErrorReport): ErrorReport {
  const text = (s: string | undefined) => (s === undefined ? undefined : printable(s));
  return {
    ...report,
    message: printable(report.message),
    hint: text(report.hint),
    file: report.file === undefined ? undefined : printableLine(report.file),
    excerpt: text(report.excerpt),
    detail: text(report.detail),
    cause: text(report.cause),
  };
}

/** --env-label / GANDER_ENV: stored in the audit log and printed, so short and printable. */
export function checkedLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  if (label.length > LABEL_MAX || printableLine(label) !== label) {
    throw new CliError('E_USAGE', `invalid environment label ${JSON.stringify(label.slice(0, LABEL_MAX))}${label.length > LABEL_MAX ? '…' : ''}: at most ${LABEL_MAX} characters, no control characters`, {
      hint: 'pass a short name such as --env-label=staging',
    });
  }
  return label;
}
