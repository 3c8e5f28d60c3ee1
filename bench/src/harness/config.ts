export interface BenchConfig {
  runs: number;
  warmups: number;
  /** Scenario ids (or their leading letter group, e.g. `a`) to run; empty: all. */
  only: string[];
  /** Exit non-zero when a target is missed (targets are reported, not asserted, by default). */
  strict: boolean;
  /**
   * BENCH_CI=1: judge each scenario by its `ciTarget` (looser regression bounds for a
   * loaded CI machine) where it has one, and write results/ci-latest.* instead of latest.*.
   */
  ci: boolean;
}

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

export function readConfig(env: Record<string, string | undefined>): BenchConfig {
  return {
    runs: count('BENCH_RUNS', env.BENCH_RUNS, 7, 1),
    warmups: count('BENCH_WARMUPS', env.BENCH_WARMUPS, 1, 0),
    only: (env.BENCH_ONLY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    strict: env.BENCH_STRICT === '1',
    ci: env.BENCH_CI === '1',
  };
}

/** `a-schema` is selected by `a-schema` or by `a`; `a` does not select `a2-schema-pglite`. */
export function isSelected(id: string, only: readonly string[]): boolean {
  return only.length === 0 || only.some((o) => id === o || id.startsWith(`${o}-`));
}
