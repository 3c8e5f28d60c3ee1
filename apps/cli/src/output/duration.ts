/**
 * goose prints how long a migration took with Go's `time.Duration.String()`
 * after `truncateDuration` (migration.go). Durations here are whole
 * nanoseconds held in a number: exact up to ~104 days, far beyond a migration.
 */

const NS_PER_US = 1_000;
const NS_PER_MS = 1_000_000;
const NS_PER_S = 1_000_000_000;

/** Go's `Duration.Round(m)`: halves round away from zero. */
export function roundDuration(ns: number, m: number): number {
  if (m <= 0) return ns;
  const r = ns % m;
  if (ns < 0) {
    const nr = -r;
    return nr + nr < m ? ns + nr : ns - m + nr;
  }
  return r + r < m ? ns - r : ns + m - r;
}

/** goose's truncateDuration: >1s to 10ms, >1ms to 10µs, >1µs to 10ns. */
export function truncateDuration(ns: number): number {
  for (const unit of [NS_PER_S, NS_PER_MS, NS_PER_US]) {
    if (ns > unit) return roundDuration(ns, unit / 100);
  }
  return ns;
}

/** The fraction v/10^prec without trailing zeros, and v's integer part (Go's fmtFrac). */
function splitFraction(v: number, prec: number): { int: number; frac: string } {
  const scale = 10 ** prec;
  const int = Math.floor(v / scale);
  const digits = String(v % scale).padStart(prec, '0').replace(/0+$/, '');
  return { int, frac: digits === '' ? '' : `.${digits}` };
}

/** Go's `time.Duration.String()`: `0s`, `850ns`, `512.34µs`, `7.13ms`, `1.05s`, `1m2.35s`, `1h0m0s`. */
export function formatGoDuration(nsInput: number): string {
  const neg = nsInput < 0;
  const ns = Math.round(Math.abs(nsInput));
  let out: string;
  if (ns < NS_PER_S) {
    if (ns === 0) return '0s';
    if (ns < NS_PER_US) out = `${ns}ns`;
    else if (ns < NS_PER_MS) {
      const { int, frac } = splitFraction(ns, 3);
      out = `${int}${frac}µs`;
    } else {
      const { int, frac } = splitFraction(ns, 6);
      out = `${int}${frac}ms`;
    }
  } else {
    const { int: seconds, frac } = splitFraction(ns, 9);
    out = `${seconds % 60}${frac}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes > 0) {
      out = `${minutes % 60}m${out}`;
      const hours = Math.floor(minutes / 60);
      if (hours > 0) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** What goose prints in `OK   file (<this>)` for a duration measured in milliseconds. */
export function formatMigrationDuration(durationMs: number): string {
  return formatGoDuration(truncateDuration(Math.round(durationMs * NS_PER_MS)));
}
