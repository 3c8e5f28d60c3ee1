import type { LintReport } from '../types.js';

/** The report as one JSON document: `{ findings: [...], summary: {...} }`. */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
