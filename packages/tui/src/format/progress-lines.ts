import type { Progress, ProgressStep, StepState } from '../state/progress.js';
import { line, type Line, type Tone } from './lines.js';
import { formatDuration } from './time.js';
import { fit, untab } from './text.js';

/** Room for the file name, so counts and times stay on an 80-column line. */
const FILE_WIDTH = 36;

const WORD: Record<StepState, string> = { waiting: 'waiting', running: 'running', done: 'done', failed: 'FAILED' };
const TONE: Record<StepState, Tone> = { waiting: 'muted', running: 'accent', done: 'ok', failed: 'bad' };

function elapsed(step: ProgressStep, now: number): string {
  if (step.durationMs !== undefined) return formatDuration(step.durationMs);
  if (step.startedAt !== undefined) return formatDuration(now - step.startedAt);
  return '';
}

/**
 * One line per migration (state word, direction, file, statements done,
 * elapsed time), plus the statement on the server under the running one.
 * The state is a word, not only a colour.
 */
export function progressLines(progress: Progress, now: number): Line[] {
  const out: Line[] = [];
  if (progress.lockWait) out.push(line(`waiting for the migration lock, held by ${progress.lockWait}`, 'warn'));
  if (progress.lockRetry) out.push(line(progress.lockRetry, 'warn'));
  const fileWidth = Math.min(FILE_WIDTH, Math.max(0, ...progress.steps.map((s) => s.file.length)));
  for (const step of progress.steps) {
    const counts = step.state === 'waiting' ? '' : `${step.statementsDone}/${step.statementCount} statements`;
    const text = `[${WORD[step.state].padEnd(7)}] ${step.direction.padEnd(4)} ${fit(step.file, fileWidth)}  ${counts.padEnd(16)} ${elapsed(step, now)}`;
    out.push(line(text.trimEnd(), TONE[step.state]));
    if (step.state === 'running' && step.current) {
      out.push(line(`            statement ${step.current.index} at line ${step.current.line}: ${untab(step.current.sql)}`, 'sql'));
    }
  }
  return out;
}

/** `migration 2 of 3`: the step running now, or the last one that finished. */
export function progressCounter(progress: Progress): string {
  const total = progress.steps.length;
  const running = progress.steps.findIndex((s) => s.state === 'running');
  const finished = progress.steps.filter((s) => s.state === 'done' || s.state === 'failed').length;
  // Before the first migration starts there is no `migration 0`: the lock and the checks come first.
  if (running < 0 && finished === 0) return `starting (${total} planned)`;
  const at = running >= 0 ? running + 1 : finished;
  return `migration ${at} of ${total}`;
}
