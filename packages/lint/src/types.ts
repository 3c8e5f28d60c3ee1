/** How serious a finding is; `off` in a config file turns a rule off. */
export type Level = 'error' | 'warning';
export type RuleSetting = Level | 'off';

/** The half of a migration a statement belongs to; `file` for findings about the file or folder. */
export type Section = 'up' | 'down' | 'file';

/** One problem, at the file's real line and column (both 1-based). */
export interface Finding {
  rule: string;
  level: Level;
  /** The path as the caller gave it. */
  file: string;
  line: number;
  column: number;
  section: Section;
  message: string;
  /** What to do about it. */
  help: string;
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  suppressed: number;
}

export interface LintReport {
  findings: Finding[];
  summary: LintSummary;
}
