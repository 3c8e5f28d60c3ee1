import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FleetResult, FleetTargetResult } from '@gander/core';
import { CliError } from '../errors.js';

/**
 * The per-database results as `--json` prints them and `--report` stores
 * them: versions as decimal strings, secrets already scrubbed by the fleet.
 * `--only-failed` reads it back.
 */
export const REPORT_KIND = 'gander-fleet-report';

export interface ReportTarget {
  name: string;
  group: string;
  labels: Record<string, string>;
  /** The DSN with its password masked. */
  target: string;
  status: FleetTargetResult['status'];
  skippedBecause: string | null;
  fromVersion: string | null;
  toVersion: string | null;
  applied: { version: string; file: string; direction: string; durationMs: number }[];
  durationMs: number;
  error: { code: string; message: string; hint: string | null; file: string | null; line: number | null } | null;
  details: Record<string, unknown> | null;
}

export interface FleetReport {
  kind: typeof REPORT_KIND;
  formatVersion: 1;
  command: string;
  ok: boolean;
  summary: FleetResult['summary'];
  groups: string[];
  targets: ReportTarget[];
}

const ms = (n: number) => Math.round(n * 1000) / 1000;

export function toReport(result: FleetResult): FleetReport {
  return {
    kind: REPORT_KIND,
    formatVersion: 1,
    command: result.task,
    ok: result.ok,
    summary: result.summary,
    groups: result.groups,
    targets: result.targets.map((t) => ({
      name: t.name,
      group: t.group,
      labels: { ...t.labels },
      target: t.display,
      status: t.status,
      skippedBecause: t.skippedBecause ?? null,
      fromVersion: t.fromVersion?.toString() ?? null,
      toVersion: t.toVersion?.toString() ?? null,
      applied: t.applied.map((a) => ({ version: a.version.toString(), file: a.file, direction: a.direction, durationMs: ms(a.durationMs) })),
      durationMs: ms(t.durationMs),
      error: t.error
        ? { code: t.error.code, message: t.error.message, hint: t.error.hint ?? null, file: t.error.file ?? null, line: t.error.line ?? null }
        : null,
      details: t.details ? { ...t.details } : null,
    })),
  };
}

/** The names a previous report says did not succeed (failed, or never started). */
export async function namesToRetry(path: string, cwd: string): Promise<Set<string>> {
  let report: Partial<FleetReport>;
  try {
    report = JSON.parse(await readFile(resolve(cwd, path), 'utf8')) as Partial<FleetReport>;
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`;
    throw new CliError('E_FLEET_REPORT', `--only-failed ${path}: ${reason}`, {
      hint: 'pass the file an earlier gander fleet run wrote with --report',
    });
  }
  if (report.kind !== REPORT_KIND || !Array.isArray(report.targets)) {
    throw new CliError('E_FLEET_REPORT', `--only-failed ${path}: not a gander fleet report`, {
      hint: 'pass the file an earlier gander fleet run wrote with --report',
    });
  }
  return new Set(report.targets.filter((t) => t.status !== 'ok').map((t) => t.name));
}
