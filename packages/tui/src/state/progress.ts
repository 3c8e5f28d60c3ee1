import type { Direction, Plan, ProviderEvent } from '@gander/core';

export type StepState = 'waiting' | 'running' | 'done' | 'failed';

export interface ProgressStep {
  version: bigint;
  file: string;
  direction: Direction;
  useTx: boolean;
  statementCount: number;
  /** Statements finished so far. */
  statementsDone: number;
  /** The statement on the server right now (1-based index, file line, first line of SQL). */
  current: { index: number; line: number; sql: string } | undefined;
  state: StepState;
  /** Wall clock (ms) when the migration started; for the live elapsed time. */
  startedAt: number | undefined;
  /** Set when it finished, from core's result. */
  durationMs: number | undefined;
}

export interface Progress {
  steps: ProgressStep[];
  /** Who holds the advisory lock while we wait for it. */
  lockWait: string | undefined;
  /** The lock-timeout guard's last retry, when it retried. */
  lockRetry?: string | undefined;
}

/** Every planned migration, waiting. Events then move them along. */
export function progressFromPlan(plan: Plan): Progress {
  return {
    lockWait: undefined,
    steps: plan.steps.map((s) => ({
      version: s.version,
      file: s.file,
      direction: s.direction,
      useTx: s.useTx,
      statementCount: s.statements.length,
      statementsDone: 0,
      current: undefined,
      state: 'waiting',
      startedAt: undefined,
      durationMs: undefined,
    })),
  };
}

function updateRunning(progress: Progress, version: bigint, change: (step: ProgressStep) => ProgressStep): Progress {
  return {
    ...progress,
    steps: progress.steps.map((s) => (s.state === 'running' && s.version === version ? change(s) : s)),
  };
}

/**
 * Apply one provider event. Redo plans the same version twice (down, then
 * up), so a start claims the first *waiting* step with that version and
 * direction; a start the plan did not foresee (the database changed between
 * the plan and the run) is added at the end rather than dropped.
 */
export function applyEvent(progress: Progress, event: ProviderEvent, now: number): Progress {
  switch (event.type) {
    case 'lock-wait': {
      const holders = event.holders
        .map((h) => `pid ${h.pid}${h.user ? ` ${h.user}` : ''}${h.applicationName ? ` (${h.applicationName})` : ''}${h.clientAddr ? ` from ${h.clientAddr}` : ''}`)
        .join(', ');
      return { ...progress, lockWait: holders === '' ? 'another session' : holders };
    }
    case 'lock-acquired':
      return { ...progress, lockWait: undefined };
    case 'migration-start': {
      const started: ProgressStep = {
        version: event.version,
        file: event.file,
        direction: event.direction,
        useTx: event.useTx,
        statementCount: event.statementCount,
        statementsDone: 0,
        current: undefined,
        state: 'running',
        startedAt: now,
        durationMs: undefined,
      };
      const index = progress.steps.findIndex((s) => s.state === 'waiting' && s.version === event.version && s.direction === event.direction);
      if (index < 0) return { ...progress, steps: [...progress.steps, started] };
      return { ...progress, steps: progress.steps.map((s, i) => (i === index ? started : s)) };
    }
    case 'statement-start':
      return updateRunning(progress, event.version, (s) => ({
        ...s,
        current: { index: event.index + 1, line: event.line, sql: event.sql.split('\n')[0] ?? '' },
      }));
    case 'statement-done':
      return updateRunning(progress, event.version, (s) => ({ ...s, statementsDone: event.index + 1 }));
    case 'migration-done': {
      const { result } = event;
      return updateRunning(progress, result.version, (s) => ({
        ...s,
        // A single-transaction group that failed rolls back its earlier members too.
        state: result.error || result.rolledBack ? 'failed' : 'done',
        durationMs: result.durationMs,
        current: result.error ? s.current : undefined,
      }));
    }
    case 'lock-retry': {
      const by = event.blockers.map((b) => `pid ${b.pid}${b.applicationName ? ` (${b.applicationName})` : ''}`).join(', ');
      return { ...progress, lockRetry: `${event.file}: attempt ${event.attempt}/${event.attempts} gave up waiting for a lock (lock_timeout), blocked by ${by || 'a session no longer visible'}` };
    }
    default:
      return progress;
  }
}
