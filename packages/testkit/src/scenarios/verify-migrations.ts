import { performance } from 'node:perf_hooks';
import { createRoundTripper, type RoundTripResult, type SecondUpResult } from './round-trip.js';
import type { ScenarioOptions } from './migration-input.js';
import { settle } from './scenario-error.js';
import type { ScenarioReport } from './scenario-report.js';
import type { AcceptedDifference } from './acceptances.js';

export interface VerifyMigrationsReport extends ScenarioReport {
  scenario: 'verifyMigrations';
  /** One per migration, in version order. */
  migrations: RoundTripResult[];
  /** Migrations not checked because an earlier one failed to run. */
  skipped: string[];
  secondUp: SecondUpResult | undefined;
  /** Differences allowed by `accept`, each with its file and reason: reported, never dropped silently. */
  accepted: AcceptedDifference[];
}

/**
 * For each migration in order, on an empty database: catalog snapshot → up →
 * snapshot → down → snapshot, which must equal the first → up again, which
 * must build what the first up built. Then a second `up` must run nothing.
 * Per version the report has the up and down times and the catalog diffs.
 */
export async function verifyMigrations(options: ScenarioOptions): Promise<VerifyMigrationsReport> {
  const started = performance.now();
  const tripper = await createRoundTripper(options);
  const migrations: RoundTripResult[] = [];
  const skipped: string[] = [];
  for (const source of tripper.sources) {
    if (tripper.broken) skipped.push(source.fileName);
    else migrations.push(await tripper.check(source.version));
  }
  const secondUp = tripper.broken ? undefined : await tripper.secondUp();
  const failures = [...migrations.flatMap((m) => m.problems), ...(secondUp?.problems ?? [])];
  if (skipped.length > 0) failures.push(`not checked, because an earlier migration failed to run: ${skipped.join(', ')}`);
  return settle(
    {
      scenario: 'verifyMigrations',
      ok: failures.length === 0,
      database: options.db.target,
      failures,
      durationMs: performance.now() - started,
      migrations,
      skipped,
      secondUp,
      accepted: migrations.flatMap((m) => m.accepted),
    },
    options.throwOnFailure,
  );
}

/** verifyMigrations that throws a MigrationScenarioError (code E_SCENARIO_FAILED) on any problem. */
export function assertMigrations(options: Omit<ScenarioOptions, 'throwOnFailure'>): Promise<VerifyMigrationsReport> {
  return verifyMigrations({ ...options, throwOnFailure: true });
}
