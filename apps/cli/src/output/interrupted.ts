import type { StopSignal } from '../signals.js';
import type { ErrorReport } from './errors.js';

const WHAT: Readonly<Record<StopSignal, string>> = {
  SIGINT: 'interrupted (SIGINT, Ctrl-C)',
  SIGTERM: 'terminated (SIGTERM)',
  SIGHUP: 'stopped: the terminal was closed (SIGHUP)',
};

/**
 * The report for a run stopped by a signal: what stopped it, then what the
 * work reported after the cancel (the statement, and whether it rolled back
 * or, for NO TRANSACTION, which statements stay applied), as -timeout does.
 */
export function interruptedReport(report: ErrorReport, signal: StopSignal, workReported: boolean): ErrorReport {
  return {
    ...report,
    code: 'E_INTERRUPTED',
    message: workReported ? `${WHAT[signal]}: ${report.message}` : `${WHAT[signal]}: the command was stopped before it could report; check \`status\``,
    hint: report.hint ?? 'run the command again when ready: what was not recorded as applied runs again',
  };
}
