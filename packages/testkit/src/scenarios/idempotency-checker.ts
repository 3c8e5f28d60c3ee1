import { performance } from 'node:perf_hooks';
import { createProvider, type Database, type MigrationSource, type ProviderOptions, type RunResult } from '@gander/core';
import { diffCatalogs } from '../catalog/diff.js';
import { snapshotCatalog } from '../catalog/snapshot.js';
import type { SnapshotOptions } from '../catalog/types.js';
import { TestkitError } from '../errors.js';
import { bulletList, idempotencyHint, toStepError } from './failure-text.js';
import type { ScenarioStepError } from './scenario-report.js';

export interface IdempotencyResult {
  version: bigint;
  file: string;
  direction: 'up' | 'down';
  ok: boolean;
  firstMs: number | undefined;
  secondMs: number | undefined;
  /** The first run failed: not an idempotency problem, but nothing after it can be checked. */
  firstError?: ScenarioStepError;
  /** The second run failed. */
  secondError?: ScenarioStepError;
  /** How the catalog after the second run differs from after the first (e.g. an unnamed index built twice). */
  catalogDiff: string[];
  problems: string[];
}

/**
 * Runs each file's Up (or Down) twice in a row outside version tracking
 * (goose's -no-versioning), one file at a time, in order. goose never runs a
 * file twice; DD-012 asks that doing so would change nothing, so that a
 * half-applied NO TRANSACTION migration can simply be run again.
 */
export interface IdempotencyChecker {
  readonly broken: string | undefined;
  /** Check one file's Up; earlier files not run yet are run once first. */
  checkUp(version: bigint): Promise<IdempotencyResult>;
  /** Check one file's Down (run after every Up, newest first). */
  checkDown(version: bigint): Promise<IdempotencyResult>;
}

export interface IdempotencyCheckerOptions {
  db: Database;
  sources: readonly MigrationSource[];
  provider?: Omit<ProviderOptions, 'db' | 'dir' | 'sources'>;
  snapshot: SnapshotOptions;
}

export function createIdempotencyChecker(options: IdempotencyCheckerOptions): IdempotencyChecker {
  let nextUp = 0;
  let broken: string | undefined;
  const sourceOf = (version: bigint) => {
    const index = options.sources.findIndex((s) => s.version === version);
    if (index === -1) throw new TestkitError('E_INVALID_OPTION', `no migration with version ${version}`);
    return { index, source: options.sources[index]! };
  };
  const runOnce = async (source: MigrationSource, direction: 'up' | 'down'): Promise<{ run: RunResult; ms: number }> => {
    // A provider over this one file, without version tracking: `up` runs it
    // whatever the database says, and nothing is recorded.
    const provider = await createProvider({ ...options.provider, db: options.db, sources: [source], noVersioning: true });
    const started = performance.now();
    const run = direction === 'up' ? await provider.up() : await provider.down();
    return { run, ms: run.results[0]?.durationMs ?? performance.now() - started };
  };
  const check = async (source: MigrationSource, direction: 'up' | 'down'): Promise<IdempotencyResult> => {
    const file = source.fileName;
    const result: IdempotencyResult = {
      version: source.version,
      file,
      direction,
      ok: false,
      firstMs: undefined,
      secondMs: undefined,
      catalogDiff: [],
      problems: [],
    };
    const Dir = direction === 'up' ? 'Up' : 'Down';
    const first = await runOnce(source, direction);
    result.firstMs = first.ms;
    if (first.run.error) {
      result.firstError = toStepError(first.run.error);
      result.problems.push(`${file}: ${Dir} failed on its first run, so its second run was not checked: ${first.run.error.message}`);
      broken = `${file} failed to run`;
      return result;
    }
    const afterFirst = await snapshotCatalog(options.db, options.snapshot);
    const second = await runOnce(source, direction);
    result.secondMs = second.ms;
    if (second.run.error) {
      result.secondError = toStepError(second.run.error);
      result.problems.push(
        `${file}: running ${Dir} a second time failed: ${second.run.error.message}\nhint: ${idempotencyHint(second.run.error)} (DD-012: running a migration twice must change nothing)`,
      );
    } else {
      result.catalogDiff = diffCatalogs(afterFirst, await snapshotCatalog(options.db, options.snapshot));
      if (result.catalogDiff.length > 0) {
        result.problems.push(`${file}: running ${Dir} a second time changed the catalog (+ new, - gone, ~ changed):\n${bulletList(result.catalogDiff)}`);
      }
    }
    result.ok = result.problems.length === 0;
    return result;
  };
  return {
    get broken() {
      return broken;
    },
    async checkUp(version) {
      if (broken) throw new TestkitError('E_SCENARIO_FAILED', `cannot check version ${version}: ${broken}`);
      const { index, source } = sourceOf(version);
      if (index < nextUp) throw new TestkitError('E_INVALID_OPTION', `${source.fileName} was already run`);
      for (; nextUp < index; nextUp++) {
        const earlier = options.sources[nextUp]!;
        const { run } = await runOnce(earlier, 'up');
        if (run.error) {
          broken = `${earlier.fileName} failed to run: ${run.error.message}`;
          throw new TestkitError('E_SCENARIO_FAILED', broken);
        }
      }
      nextUp = index + 1;
      return check(source, 'up');
    },
    async checkDown(version) {
      if (broken) throw new TestkitError('E_SCENARIO_FAILED', `cannot check version ${version}: ${broken}`);
      return check(sourceOf(version).source, 'down');
    },
  };
}
