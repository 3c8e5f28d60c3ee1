import { performance } from 'node:perf_hooks';
import { createIdempotencyChecker, type IdempotencyResult } from './idempotency-checker.js';
import { loadSources, snapshotOptionsOf, type ScenarioOptions } from './migration-input.js';
import { settle } from './scenario-error.js';
import type { ScenarioReport } from './scenario-report.js';

export interface IdempotentSqlOptions extends ScenarioOptions {
  /** Also run each Down twice, newest first, after all the Ups (default false). */
  down?: boolean;
}

export interface VerifyIdempotentSqlReport extends ScenarioReport {
  scenario: 'verifyIdempotentSql';
  migrations: IdempotencyResult[];
  skipped: string[];
}

/**
 * Opt-in check of DD-012's rule that Up uses IF NOT EXISTS (and Down IF
 * EXISTS): on an empty database, each file's Up runs twice in a row, outside
 * version tracking, and the second run must neither fail nor change the
 * catalog. A NO TRANSACTION file runs statement by statement, as goose would.
 */
export async function verifyIdempotentSql(options: IdempotentSqlOptions): Promise<VerifyIdempotentSqlReport> {
  const started = performance.now();
  const sources = await loadSources(options);
  const checker = createIdempotencyChecker({
    db: options.db,
    sources,
    ...(options.provider ? { provider: options.provider } : {}),
    snapshot: snapshotOptionsOf(options),
  });
  const migrations: IdempotencyResult[] = [];
  const skipped: string[] = [];
  for (const source of sources) {
    if (checker.broken) skipped.push(`${source.fileName} (up)`);
    else migrations.push(await checker.checkUp(source.version));
  }
  if (options.down) {
    for (const source of [...sources].reverse()) {
      if (checker.broken) skipped.push(`${source.fileName} (down)`);
      else migrations.push(await checker.checkDown(source.version));
    }
  }
  const failures = migrations.flatMap((m) => m.problems);
  if (skipped.length > 0) failures.push(`not checked, because an earlier file failed to run: ${skipped.join(', ')}`);
  return settle(
    {
      scenario: 'verifyIdempotentSql',
      ok: failures.length === 0,
      database: options.db.target,
      failures,
      durationMs: performance.now() - started,
      migrations,
      skipped,
    },
    options.throwOnFailure,
  );
}

/** verifyIdempotentSql that throws a MigrationScenarioError (code E_SCENARIO_FAILED) on any problem. */
export function assertIdempotentSql(options: Omit<IdempotentSqlOptions, 'throwOnFailure'>): Promise<VerifyIdempotentSqlReport> {
  return verifyIdempotentSql({ ...options, throwOnFailure: true });
}
