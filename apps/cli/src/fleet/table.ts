import type { FleetResult, FleetTargetResult } from '@gander/core';
import { formatMigrationDuration } from '../output/duration.js';
import { tabulate } from '../output/tabwriter.js';

const version = (v: bigint | undefined) => (v === undefined ? '-' : v.toString());

function errorCell(t: FleetTargetResult): string {
  if (t.status === 'skipped') return t.skippedBecause ?? '';
  if (!t.error) return '';
  const first = t.error.message.split('\n')[0]!;
  const where = t.error.file && !first.includes(`${t.error.file}:`) ? `${t.error.file}:${t.error.line ?? ''}: ` : '';
  return `${t.error.code}: ${where}${first}`;
}

function isStatus(result: FleetResult): boolean {
  return result.task === 'status';
}

/** One row per database, in the order the targets were listed. */
export function resultTable(result: FleetResult): string {
  if (isStatus(result)) {
    const rows = [['TARGET', 'GROUP', 'VERSION', 'LATEST', 'PENDING', 'DRIFTED', 'ERROR']];
    for (const t of result.targets) {
      const d = t.details ?? {};
      const drifted = Array.isArray(d.drifted) ? (d.drifted as bigint[]) : [];
      rows.push([
        t.name,
        t.group,
        version(t.toVersion),
        d.latestVersion === undefined ? '-' : String(d.latestVersion),
        d.pending === undefined ? '-' : String(d.pending),
        t.status === 'ok' ? (drifted.length === 0 ? 'no' : drifted.join(',')) : '-',
        errorCell(t),
      ]);
    }
    return tabulate(rows, 2);
  }
  const rows = [['TARGET', 'GROUP', 'STATUS', 'FROM', 'TO', result.task.startsWith('plan') ? 'WOULD RUN' : 'APPLIED', 'DURATION', 'ERROR']];
  for (const t of result.targets) {
    const steps = Array.isArray(t.details?.steps) ? (t.details.steps as unknown[]).length : t.applied.length;
    rows.push([
      t.name,
      t.group,
      t.status,
      version(t.fromVersion),
      version(t.toVersion),
      String(steps),
      t.status === 'skipped' ? '-' : formatMigrationDuration(t.durationMs),
      errorCell(t),
    ]);
  }
  return tabulate(rows, 2);
}

/** The closing lines: counts by status, and how many databases sit at each version. */
export function summaryLines(result: FleetResult): string[] {
  const s = result.summary;
  const lines = [`fleet ${result.task}: ${s.total} target${s.total === 1 ? '' : 's'}: ${s.ok} ok, ${s.failed} failed, ${s.skipped} not run`];
  if (s.versions.length > 0) {
    lines.push(`fleet ${result.task}: versions: ${s.versions.map((v) => `${v.version} ×${v.count}`).join(', ')}`);
  }
  if (isStatus(result)) {
    const ok = result.targets.filter((t) => t.status === 'ok');
    const pending = ok.filter((t) => Number(t.details?.pending ?? 0) > 0).length;
    const drifted = ok.filter((t) => Array.isArray(t.details?.drifted) && (t.details.drifted as unknown[]).length > 0).length;
    lines.push(`fleet status: ${pending} with pending migrations, ${drifted} with drifted files, ${s.failed} unreachable or failing`);
  }
  return lines;
}
