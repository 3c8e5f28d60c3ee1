import type { MigrationResult, Plan, PlannedMigration, Provider, RunResult } from '@gander/core';
import { toErrorInfo, type ErrorInfo } from '../format/error-info.js';
import { runOperation } from './operations.js';

/** What a run of a plan did: core's results, where it stopped and why. */
export interface PlanRun {
  results: MigrationResult[];
  error: ErrorInfo | undefined;
  /** Planned migrations that never started: after a failure, or after the user stopped the run. */
  notRun: PlannedMigration[];
  /** The user asked to stop (q, Ctrl-C) and steps were left out. */
  interrupted: boolean;
  currentVersion: bigint | undefined;
}

/**
 * The provider call for one step of a plan. Each step is its own call, so the
 * run can stop between two migrations and never halfway through one; the
 * provider still decides again, under its lock, what that call runs.
 */
async function runStep(provider: Provider, step: PlannedMigration): Promise<RunResult> {
  if (step.direction === 'up') return provider.upTo(step.version);
  // `down` rolls back the current version: make sure it is still the planned one.
  const current = await provider.version();
  if (current !== step.version) {
    throw new PlanChangedError(`the database is at version ${current}, not ${step.version} as planned: another session changed it`);
  }
  return provider.down();
}

class PlanChangedError extends Error {}

function planChanged(error: PlanChangedError): ErrorInfo {
  return { code: 'E_PLAN_CHANGED', message: error.message, hint: 'look at the refreshed list and plan again', failure: undefined };
}

/**
 * Run a plan's steps one provider call at a time, asking `stopRequested()`
 * before each: a stop takes effect after the running migration. Without a
 * version table (noVersioning) steps cannot be told apart, so the whole
 * operation runs in one call.
 */
export async function runPlan(
  provider: Provider,
  plan: Plan,
  options: { stopRequested: () => boolean; noVersioning: boolean },
): Promise<PlanRun> {
  const results: MigrationResult[] = [];
  if (options.noVersioning) {
    const result = await runOperation(provider, plan.operation);
    return { results: result.results, error: result.error ? toErrorInfo(result.error) : undefined, notRun: [], interrupted: false, currentVersion: result.currentVersion };
  }
  let currentVersion: bigint | undefined = plan.currentVersion;
  for (const [index, step] of plan.steps.entries()) {
    if (options.stopRequested()) {
      return { results, error: undefined, notRun: plan.steps.slice(index), interrupted: true, currentVersion };
    }
    let result: RunResult;
    try {
      result = await runStep(provider, step);
    } catch (error) {
      const info = error instanceof PlanChangedError ? planChanged(error) : toErrorInfo(error);
      return { results, error: info, notRun: plan.steps.slice(index), interrupted: false, currentVersion };
    }
    results.push(...result.results);
    currentVersion = result.currentVersion;
    if (result.error) {
      const ran = result.results.some((r) => r.version === step.version && r.direction === step.direction);
      return { results, error: toErrorInfo(result.error), notRun: plan.steps.slice(ran ? index + 1 : index), interrupted: false, currentVersion };
    }
  }
  return { results, error: undefined, notRun: [], interrupted: false, currentVersion };
}
