/**
 * One benchmark. `prepare` builds the input outside the timed region and
 * returns the timed operation; the runner warms it up, times `runs` calls and
 * turns seconds into the scenario's unit with `toValue`.
 */
export interface Scenario {
  name: string;
  /** What `toValue` reports, e.g. "MB/s" or "s". */
  unit: string;
  target: number;
  /** True when larger values are better (throughput), false for durations. */
  higherIsBetter: boolean;
  prepare(): Promise<PreparedScenario>;
}

export interface PreparedScenario {
  /** Human description of the input, printed with the results. */
  input: string;
  run(): unknown;
  toValue(seconds: number): number;
  cleanup?(): Promise<void>;
}

export interface ScenarioResult {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  target: number;
  met: boolean;
  input: string;
  seconds: { median: number; min: number; max: number };
}
