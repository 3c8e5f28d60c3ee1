import { join } from 'node:path';
import { redactSecrets, type MigrationResult } from '@gander/core';
import type { CommandOutcome } from '../commands/context.js';
import type { RunTrace } from '../commands/progress.js';
import { targetSecrets, type Target } from '../connect.js';
import { CliError } from '../errors.js';
import type { TextSink } from '../io.js';
import { formatGoDuration } from '../output/duration.js';
import { describeError, errorDetailLines, jsonError, type ErrorReport } from '../output/errors.js';
import { toJsonText, type JsonDocument, type JsonResult } from '../output/json.js';
import { interruptedReport } from '../output/interrupted.js';
import type { Logger } from '../output/logger.js';
import { printableReport } from '../output/printable-report.js';
import { SIGNAL_EXIT_CODES, type StopSignal } from '../signals.js';

/** The end of every command: its error lines on stderr, its JSON document on stdout, its exit code. */

export interface Finish {
  command: string;
  outcome: CommandOutcome;
  /** `goose run`, `goose validate`, …: what the error line starts with. */
  errorPrefix: string;
  target?: Target;
  dirPath?: string;
  trace?: RunTrace;
  timedOutAfterMs?: number;
  /** SIGINT/SIGTERM/SIGHUP stopped the command. */
  interruptedBy?: StopSignal;
}

export interface ReportSettings {
  json: boolean;
  verbose: boolean;
  stdout: TextSink;
}

function jsonResult(r: MigrationResult): JsonResult {
  return {
    version: r.version.toString(),
    file: r.file,
    direction: r.direction,
    durationMs: Math.round(r.durationMs * 1000) / 1000,
    empty: r.empty,
    ok: r.error === undefined && r.rolledBack !== true,
    ...(r.group === undefined ? {} : { group: r.group }),
    ...(r.rolledBack ? { rolledBack: true } : {}),
    ...(r.attempts === undefined ? {} : { attempts: r.attempts }),
  };
}

function errorReport(f: Finish): ErrorReport | undefined {
  if (f.outcome.error === undefined && f.timedOutAfterMs === undefined && f.interruptedBy === undefined) return undefined;
  const dirPath = f.dirPath;
  const stopped = new CliError(f.interruptedBy ? 'E_INTERRUPTED' : 'E_TIMEOUT', 'the command was stopped');
  let report = describeError(f.outcome.error ?? stopped, targetSecrets(f.target), (file) => (dirPath === undefined ? file : join(dirPath, file)));
  if (f.timedOutAfterMs !== undefined) {
    report = {
      ...report,
      code: 'E_TIMEOUT',
      message: `context deadline exceeded: the command ran longer than -timeout ${formatGoDuration(f.timedOutAfterMs * 1e6)} and was stopped: ${report.message}`,
      hint: 'raise -timeout, or see what the statement waits for: SELECT pid, wait_event_type, wait_event, query FROM pg_stat_activity',
    };
  }
  if (f.interruptedBy !== undefined) report = interruptedReport(report, f.interruptedBy, f.outcome.error !== undefined);
  return printableReport(report);
}

function jsonDocument(f: Finish, report: ErrorReport | undefined): JsonDocument {
  return {
    ok: report === undefined,
    command: f.command,
    ...(f.target ? { driver: f.target.driver, target: f.target.display } : {}),
    results: (f.outcome.results ?? f.trace?.results ?? []).map(jsonResult),
    currentVersion: f.outcome.currentVersion === undefined || f.outcome.currentVersion === null ? null : f.outcome.currentVersion.toString(),
    error: report ? jsonError(report) : null,
    ...f.outcome.extra,
  };
}

/** Report the outcome and return the exit code. Error lines are never coloured: goose's are not. */
export function finish(f: Finish, log: Logger, settings: ReportSettings): number {
  const report = errorReport(f);
  if (report !== undefined) {
    // Our own bug reads differently from an error the user can fix.
    log.print(report.internal ? `gander: internal error: ${report.message}` : `${f.errorPrefix}: ${report.message}`);
    // The last statement started is the failing one only when the error is a statement's.
    const last = report.excerpt === undefined ? undefined : f.trace?.lastStatement;
    const fullStatement = last === undefined ? undefined : redactSecrets(last, targetSecrets(f.target));
    const detail = errorDetailLines(report, { verbose: settings.verbose, ...(fullStatement === undefined ? {} : { fullStatement }) });
    if (detail.length > 0) log.raw(`${detail.join('\n')}\n`);
  }
  if (settings.json) settings.stdout.write(toJsonText(jsonDocument(f, report)));
  if (f.interruptedBy !== undefined) return SIGNAL_EXIT_CODES[f.interruptedBy];
  return report ? 1 : 0;
}
