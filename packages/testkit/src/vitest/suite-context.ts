import type { MigrationSource, ProviderOptions } from '@gander/core';
import { expect } from 'vitest';
import type { SnapshotOptions } from '../catalog/types.js';
import { MigrationScenarioError } from '../scenarios/scenario-error.js';
import type { ScenarioReport } from '../scenarios/scenario-report.js';
import type { SuiteDatabase } from './suite-database.js';

/** What the test registrars of a migration suite share. */
export interface SuiteContext {
  sources: readonly MigrationSource[];
  database: SuiteDatabase;
  timeout: number;
  provider?: Omit<ProviderOptions, 'db' | 'dir' | 'sources'>;
  snapshot?: Pick<SnapshotOptions, 'schemas' | 'excludeTables' | 'comments'>;
}

/** The scenario options every registrar passes on. */
export function scenarioOptions(context: SuiteContext) {
  return {
    sources: context.sources,
    ...(context.provider ? { provider: context.provider } : {}),
    ...(context.snapshot ? { snapshot: context.snapshot } : {}),
  };
}

/**
 * The verdict of one registered test: fail it with the same error the
 * assert* scenarios throw, or pass it through a real assertion (so a suite
 * also passes under vitest's `expect.requireAssertions`, and a test that
 * checked nothing cannot pass silently).
 */
export function expectScenarioOk(context: SuiteContext, scenario: ScenarioReport['scenario'], result: { ok: boolean; problems: string[] }): void {
  if (!result.ok) {
    throw new MigrationScenarioError({ scenario, ok: false, database: context.database.target(), failures: result.problems, durationMs: 0 });
  }
  expect(result.problems, `${scenario} found problems`).toEqual([]);
}
