import type { FleetSummary, FleetTargetResult } from './types.js';

/** Counts by status, and how many targets sit at each version (highest first). */
export function summarize(results: readonly FleetTargetResult[]): FleetSummary {
  const byVersion = new Map<bigint, number>();
  for (const r of results) {
    if (r.toVersion !== undefined) byVersion.set(r.toVersion, (byVersion.get(r.toVersion) ?? 0) + 1);
  }
  const count = (status: FleetTargetResult['status']) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    ok: count('ok'),
    failed: count('failed'),
    skipped: count('skipped'),
    versions: [...byVersion.entries()]
      .sort(([a], [b]) => (a > b ? -1 : a < b ? 1 : 0))
      .map(([version, n]) => ({ version: version.toString(), count: n })),
  };
}
