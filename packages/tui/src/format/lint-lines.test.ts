import { describe, expect, it } from 'vitest';
import type { PlanLintView } from '../state/types.js';
import { fileCounts, fileFindingLines, lintSummaryLines } from './lint-lines.js';

const finding = (file: string, line: number, level: 'error' | 'warning', rule: string) => ({ rule, level, file, line, column: 1, message: `${rule} here` });

const view: PlanLintView = {
  report: {
    findings: [finding('b.sql', 7, 'warning', 'prefer-if-exists'), finding('a.sql', 3, 'error', 'adding-required-column'), finding('a.sql', 2, 'warning', 'lock-timeout')],
    summary: { errors: 1, warnings: 2, suppressed: 1 },
  },
  error: undefined,
};

describe('lint on the plan', () => {
  it('counts per severity at the top, per file in the summary, and each finding under its file in line order', () => {
    expect(lintSummaryLines(view)[0]).toEqual({ text: 'Lint: 1 error, 2 warnings (1 suppressed): each under its migration below (gander lint)', tone: 'bad' });
    expect(fileCounts(view, 'a.sql')).toBe('  lint: 1 error, 1 warning');
    expect(fileCounts(view, 'c.sql')).toBe('');
    expect(fileFindingLines(view, 'a.sql', '  ').map((l) => l.text)).toEqual([
      '  warn  line 2:1  lock-timeout  lock-timeout here',
      '  ERROR line 3:1  adding-required-column  adding-required-column here',
    ]);
  });

  it('says when the linter could not run, and nothing when there is no report (a roll back)', () => {
    expect(lintSummaryLines({ report: undefined, error: 'cannot load libpg-query' })[0]?.text).toBe('Lint: not checked (cannot load libpg-query)');
    expect(lintSummaryLines({ report: undefined, error: undefined })).toEqual([]);
    expect(lintSummaryLines(undefined)).toEqual([]);
  });
});
