/** A duration for humans: `12 ms`, `1.4 s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/**
 * goose's `tstamp` (`2025-11-25T07:12:33.123456`) or the audit log's
 * `started_at::text` (`2025-11-25 07:12:33.12+00`) cut to the minute: the list
 * has room for 16 columns and the seconds rarely matter there.
 */
export function formatTimestamp(stamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/.exec(stamp);
  return match ? `${match[1]} ${match[2]}` : stamp;
}

/** As formatTimestamp, with seconds: the history view has the room. */
export function formatTimestampSeconds(stamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(stamp);
  return match ? `${match[1]} ${match[2]}` : stamp;
}
