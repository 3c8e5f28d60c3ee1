import type { AuditRow } from '@gander/core';
import { line, type Line } from './lines.js';
import { formatDuration, formatTimestampSeconds } from './time.js';
import { fit, fitRight } from './text.js';

/**
 * The audit log, newest first. Two lines an entry: when, direction, version,
 * outcome, duration and then the file, last, so a narrow terminal cuts the
 * file name and never the outcome; then who and where (and the error, for a
 * failure).
 */
export function historyLines(rows: readonly AuditRow[]): Line[] {
  if (rows.length === 0) {
    return [line('No audit rows yet: nothing was applied or rolled back through gander on this database.', 'muted')];
  }
  const versionWidth = Math.max(...rows.map((r) => String(r.version).length));
  const out: Line[] = [];
  for (const row of rows) {
    const ok = row.outcome === 'ok';
    out.push(
      line(
        `${formatTimestampSeconds(row.startedAt)}  ${fit(row.direction, 4)} ${fitRight(String(row.version), versionWidth)}  ${ok ? 'ok    ' : 'FAILED'} ${fitRight(formatDuration(row.durationMs), 7)}  ${row.file}`,
        ok ? 'plain' : 'bad',
      ),
    );
    const env = row.envLabel ? ` (${row.envLabel})` : '';
    out.push(line(`    by ${row.osUser}@${row.host}${env} as ${row.dbUser}, gander ${row.ganderVersion}`, 'muted'));
    if (row.error) out.push(line(`    ${row.error.split('\n')[0] ?? ''}`, 'bad'));
  }
  return out;
}
