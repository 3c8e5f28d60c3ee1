import type { MigrationStatus } from '@gander/core';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Go's time.ANSIC (`Mon Jan _2 15:04:05 2006`, day padded with a space) of the
 * wall clock stored in goose_db_version.tstamp (`timestamp`, no time zone):
 * goose prints the stored digits as they are, so no zone conversion here.
 */
export function formatAnsic(wallClock: string): string {
  const m = /^(\d{4,})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(wallClock);
  if (!m) return wallClock;
  const [year, month, day, hh, mm, ss] = [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!];
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return `${DAYS[weekday]} ${MONTHS[Number(month) - 1]} ${String(Number(day)).padStart(2, ' ')} ${hh}:${mm}:${ss} ${year}`;
}

export const STATUS_HEADER = ['    Applied At                  Migration', '    ======================================='];

/** goose's `    %-24s -- %v`. */
export function statusLine(appliedAt: string, file: string): string {
  return `    ${appliedAt.padEnd(24, ' ')} -- ${file}`;
}

/** The rows goose prints: one per migration file, in version order; no rows for applied versions without a file. */
export function statusLines(migrations: readonly MigrationStatus[], noVersioning: boolean): string[] {
  const lines = [...STATUS_HEADER];
  for (const m of migrations) {
    if (m.file === undefined) continue;
    const when = noVersioning ? 'no versioning' : m.state === 'applied' && m.appliedAt ? formatAnsic(m.appliedAt) : 'Pending';
    lines.push(statusLine(when, m.file));
  }
  return lines;
}
