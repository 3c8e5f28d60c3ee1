import type { LintReport } from '../types.js';

// GitHub's workflow command syntax: data escapes %, CR, LF; properties also `:` and `,`.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error`/`::warning` workflow command per finding: annotations on the pull request's lines. */
export function formatGithub(report: LintReport): string {
  return report.findings
    .map((f) => `::${f.level} file=${property(f.file)},line=${f.line},col=${f.column},title=${property(`gander lint ${f.rule}`)}::${data(`${f.message}\n${f.help}`)}\n`)
    .join('');
}
