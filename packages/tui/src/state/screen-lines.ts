import { errorLines } from '../format/error-lines.js';
import { helpLines } from '../format/help-lines.js';
import { historyLines } from '../format/history-lines.js';
import { blank, line, type Line } from '../format/lines.js';
import { planLines } from '../format/plan-lines.js';
import { plural } from '../format/plural.js';
import { ranWords } from '../format/ran-words.js';
import { progressLines } from '../format/progress-lines.js';
import { sqlLines } from '../format/sql-lines.js';
import { formatDuration } from '../format/time.js';
import type { Progress } from './progress.js';
import type { RunOutcome, Screen } from './types.js';

/** What a finished run says: the error in full, or how many ran and where the database is now. */
export function outcomeLines(progress: Progress, outcome: RunOutcome, width: number): Line[] {
  const head = progressLines(progress, Date.now());
  const where = outcome.currentVersion === undefined ? '' : `; the database is at version ${outcome.currentVersion}`;
  const notRun = outcome.notRun.length === 0 ? [] : [line(`Not run (${plural(outcome.notRun.length, 'migration')}): ${outcome.notRun.map((s) => s.file).join(', ')}`, 'warn')];
  if (outcome.error) return [...head, blank, ...errorLines(outcome.error, width), ...(notRun.length ? [blank, ...notRun] : [])];
  if (outcome.interrupted) {
    return [
      ...head,
      blank,
      line(`Stopped by you after the running migration: ${ranWords(outcome)} in ${formatDuration(outcome.durationMs)}${where}.`, 'warn'),
      ...notRun,
    ];
  }
  return [...head, blank, line(`Done: ${ranWords(outcome)} in ${formatDuration(outcome.durationMs)}${where}.`, 'ok')];
}

/**
 * The body of a scrolling screen as lines. The reducer counts them to keep the
 * scroll in range; the components draw them.
 */
export function screenLines(screen: Screen, width: number): Line[] {
  switch (screen.kind) {
    case 'statements':
      return sqlLines(screen.sql, width);
    case 'plan':
      return planLines(screen.plan, screen.drift, screen.lint);
    case 'result':
      return outcomeLines(screen.progress, screen.outcome, width);
    case 'history':
      return historyLines(screen.rows);
    case 'help':
      return helpLines();
    case 'message':
      return errorLines(screen.error, width);
    case 'running':
      return progressLines(screen.progress, Date.now());
    case 'list':
    case 'filter':
    case 'loading':
      return [];
  }
}
