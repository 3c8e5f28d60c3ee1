import { performance } from 'node:perf_hooks';
import { createProvider } from '@gander/core';
import { compareChecksums, type TableDifference } from '../data/compare-checksums.js';
import { tableChecksums, type TableChecksum, type TableChecksumOptions } from '../data/table-checksums.js';
import { TestkitError } from '../errors.js';
import { acceptancesFor, applyAcceptances, type Acceptance, type AcceptedDifference } from './acceptances.js';
import { applyOnly, roundTripData, type DataIntegrityStep } from './data-integrity-steps.js';
import { loadSources, snapshotOptionsOf, type ScenarioOptions } from './migration-input.js';
import { settle } from './scenario-error.js';
import type { ScenarioReport } from './scenario-report.js';
import { loadSeed, readSeed, type SeedInput } from './seed.js';

export type { DataIntegrityStep } from './data-integrity-steps.js';

export interface DataIntegrityOptions extends ScenarioOptions {
  /** Data valid at version `at`: a file path or SQL text (see SeedInput), run as one multi-statement query. */
  seed: SeedInput;
  /** The version the seed is written for. */
  at: bigint | number;
  /** Apply up to this version (default: the newest). */
  to?: bigint | number;
  /**
   * Also round-trip each later migration on its own (up, down: data as before,
   * up again), so that a loss is pinned on the file that caused it. Default true.
   */
  stepwise?: boolean;
}

export interface VerifyDataIntegrityReport extends ScenarioReport {
  scenario: 'verifyDataIntegrity';
  at: bigint;
  to: bigint;
  seed: { label: string; loadMs: number | undefined };
  /** Every table that existed at `at`, as the seed left it. */
  baseline: TableChecksum[];
  /** Tables that differ after applying up to `to` and rolling back to `at`. */
  changed: TableDifference[];
  /** The per-migration round trips (empty when `stepwise` is false). */
  steps: DataIntegrityStep[];
  /** Data differences allowed by `accept` (e.g. an empty partition), each with its file and reason. */
  accepted: AcceptedDifference[];
}

const describeDifferences = (differences: readonly TableDifference[]) => differences.map((d) => d.description).join('\n');

/**
 * Migrate to `at`, load the seed, apply the rest, roll back to `at`: every
 * table that existed at `at` must have the same rows (count and checksum).
 * Stepwise (the default) it also runs up/down/up per migration on the way up,
 * naming the file that loses or changes rows.
 */
export async function verifyDataIntegrity(options: DataIntegrityOptions): Promise<VerifyDataIntegrityReport> {
  const started = performance.now();
  const sources = await loadSources(options);
  const provider = await createProvider({ ...options.provider, db: options.db, sources });
  const at = BigInt(options.at);
  const to = options.to === undefined ? (sources.at(-1)?.version ?? 0n) : BigInt(options.to);
  if (at > to) throw new TestkitError('E_INVALID_OPTION', `at (${at}) is above to (${to})`);
  if (at !== 0n && !sources.some((s) => s.version === at)) {
    throw new TestkitError('E_INVALID_OPTION', `there is no migration with version ${at} to load the seed at`);
  }
  const snapshotOptions = snapshotOptionsOf(options);
  const checksumOptions: TableChecksumOptions = {
    ...(snapshotOptions.schemas ? { schemas: snapshotOptions.schemas } : {}),
    ...(snapshotOptions.excludeTables ? { excludeTables: snapshotOptions.excludeTables } : {}),
  };
  const report: VerifyDataIntegrityReport = {
    scenario: 'verifyDataIntegrity',
    ok: false,
    database: options.db.target,
    failures: [],
    durationMs: 0,
    at,
    to,
    seed: { label: '', loadMs: undefined },
    baseline: [],
    changed: [],
    steps: [],
    accepted: [],
  };
  // Differences `accept` allows are moved to report.accepted; the rest still fail.
  const unaccepted = (file: string, changed: TableDifference[], acceptances: readonly Acceptance[]) => {
    const { kept, accepted } = applyAcceptances(file, changed.map((d) => d.description), acceptances);
    report.accepted.push(...accepted);
    return changed.filter((d) => kept.includes(d.description));
  };
  const finish = () => {
    report.ok = report.failures.length === 0;
    report.durationMs = performance.now() - started;
    return settle(report, options.throwOnFailure);
  };

  const current = await provider.version();
  if (current !== 0n) {
    throw new TestkitError('E_DATABASE_NOT_EMPTY', `the database is at version ${current}: verifyDataIntegrity starts from an empty database`);
  }
  if (at > 0n) {
    const run = await provider.upTo(at);
    if (run.error) {
      report.failures.push(`could not migrate to version ${at} to load the seed: ${run.error.message}`);
      return finish();
    }
  }
  const seed = await readSeed(options.seed);
  report.seed.label = seed.label;
  const seedStarted = performance.now();
  try {
    await loadSeed(options.db, seed);
  } catch (error) {
    report.failures.push(
      `the seed ${seed.label} failed to load at version ${at}: ${error instanceof Error ? error.message : String(error)}\nhint: a seed must be valid at the version given as \`at\``,
    );
    return finish();
  }
  report.seed.loadMs = performance.now() - seedStarted;
  report.baseline = await tableChecksums(options.db, checksumOptions);

  const later = sources.filter((s) => s.version > at && s.version <= to);
  for (const source of later) {
    const step = options.stepwise === false ? await applyOnly(provider, source.fileName) : await roundTripData(provider, source, checksumOptions);
    step.changed = unaccepted(source.fileName, step.changed, acceptancesFor(options.accept, sources, source));
    if (options.stepwise !== false) report.steps.push(step);
    if (step.changed.length > 0) {
      report.failures.push(`${source.fileName}: up then down changed data:\n${describeDifferences(step.changed)}`);
    }
    if (step.error) {
      report.failures.push(`${source.fileName}: ${step.error.message}`);
      return finish();
    }
  }
  const rollback = await provider.downTo(at);
  if (rollback.error) {
    report.failures.push(`rolling back to version ${at} failed: ${rollback.error.message}`);
    return finish();
  }
  const files = later.map((s) => s.fileName);
  const range = files.length === 1 ? files[0]! : `${files[0]} … ${files.at(-1)}`;
  report.changed = unaccepted(
    range,
    compareChecksums(report.baseline, await tableChecksums(options.db, checksumOptions)),
    later.flatMap((source) => acceptancesFor(options.accept, sources, source)),
  );
  if (report.changed.length > 0) {
    report.failures.push(
      `applying ${files.length === 1 ? files[0] : `${files[0]} … ${files.at(-1)}`} and rolling back to version ${at} changed data:\n${describeDifferences(report.changed)}`,
    );
  }
  return finish();
}

/** verifyDataIntegrity that throws a MigrationScenarioError (code E_SCENARIO_FAILED) on any problem. */
export function assertDataIntegrity(options: Omit<DataIntegrityOptions, 'throwOnFailure'>): Promise<VerifyDataIntegrityReport> {
  return verifyDataIntegrity({ ...options, throwOnFailure: true });
}
