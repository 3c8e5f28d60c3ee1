import type { PlanFinding, PlanLintView } from '../state/types.js';
import { blank, line, type Line } from './lines.js';
import { plural } from './plural.js';
import { untab } from './text.js';

/** `Lint: 1 error, 2 warnings (1 suppressed)`: the counts per severity, at the top of the plan. */
export function lintSummaryLines(lint: PlanLintView | undefined): Line[] {
  if (!lint) return [];
  if (lint.error !== undefined) return [line(`Lint: not checked (${untab(lint.error)})`, 'warn'), blank];
  const report = lint.report;
  if (!report) return [];
  const { errors, warnings, suppressed } = report.summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}`;
  const tone = errors > 0 ? 'bad' : warnings > 0 ? 'warn' : 'ok';
  const where = errors + warnings > 0 ? ': each under its migration below (gander lint)' : ' (gander lint)';
  return [line(`Lint: ${counts}${where}`, tone), blank];
}

/** One finding under its migration: severity, `line:column`, rule, message. */
function findingLine(f: PlanFinding, indent: string): Line {
  return line(`${indent}${f.level === 'error' ? 'ERROR' : 'warn '} line ${f.line}:${f.column}  ${f.rule}  ${untab(f.message)}`, f.level === 'error' ? 'bad' : 'warn');
}

/** The findings in one migration file, in line order. */
export function fileFindingLines(lint: PlanLintView | undefined, file: string, indent: string): Line[] {
  const findings = (lint?.report?.findings ?? []).filter((f) => f.file === file);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column).map((f) => findingLine(f, indent));
}

/** `  lint: 1 error, 1 warning` after a file's summary line; nothing for a clean file. */
export function fileCounts(lint: PlanLintView | undefined, file: string): string {
  const findings = (lint?.report?.findings ?? []).filter((f) => f.file === file);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  const parts = [...(errors > 0 ? [plural(errors, 'error')] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  return parts.length === 0 ? '' : `  lint: ${parts.join(', ')}`;
}
