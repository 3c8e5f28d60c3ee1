import type { LintReport } from '../types.js';

/** `file:line:col  level  rule  message`, a help line under each, and a summary. */
export function formatText(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.level}  ${f.rule}  ${f.message}`);
    lines.push(`    help: ${f.help}`);
  }
  const { errors, warnings, files, suppressed } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
  lines.push(suppressed > 0 ? `${summary} (${suppressed} suppressed)` : summary);
  return `${lines.join('\n')}\n`;
}
