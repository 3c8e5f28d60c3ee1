import { GanderError } from '../errors.js';
import type { Direction } from '../parser/index.js';
import type { MigrationSource } from '../source/index.js';
import type { DbState } from './db-state.js';
import type { PlanOperation } from './types.js';

export interface PlanStep {
  source: MigrationSource;
  direction: Direction;
}

export interface PlanningInput {
  sources: readonly MigrationSource[];
  state: DbState;
  allowMissing: boolean;
  noVersioning: boolean;
}

const list = (versions: readonly bigint[]) => versions.map(String).join(', ');

function sourceMap(sources: readonly MigrationSource[]): Map<bigint, MigrationSource> {
  return new Map(sources.map((s) => [s.version, s]));
}

/** Pending versions below the highest applied one: applied out of order only when asked. */
export function missingSources(input: PlanningInput, target?: bigint): MigrationSource[] {
  const { state, sources } = input;
  return sources.filter(
    (s) => !state.applied.has(s.version) && s.version < state.max && (target === undefined || s.version <= target),
  );
}

function planUp(input: PlanningInput, target: bigint | undefined): PlanStep[] {
  const { sources, state } = input;
  if (input.noVersioning) {
    return sources.filter((s) => target === undefined || s.version <= target).map((source) => ({ source, direction: 'up' }));
  }
  const missing = missingSources(input, target);
  if (missing.length > 0 && !input.allowMissing) {
    throw new GanderError(
      'E_MISSING_MIGRATION',
      // goose's exact text (up.go), "migrations" even for one: scripts grep it.
      `error: found ${missing.length} missing migrations before current version ${state.max}:\n\t${missing
        .map((s) => `version ${s.version}: ${s.path}`)
        .join('\n\t')}`,
      {
        hint: 'these files are older than the newest applied migration; apply them with -allow-missing (allowMissing), or renumber them above the current version',
      },
    );
  }
  const newer = sources.filter((s) => s.version > state.max && (target === undefined || s.version <= target));
  return [...missing, ...newer].map((source) => ({ source, direction: 'up' }));
}

function requireSource(byVersion: Map<bigint, MigrationSource>, version: bigint, why: string): MigrationSource {
  const source = byVersion.get(version);
  if (!source) {
    // goose's text (down.go: `migration %v: %w` of ErrNoCurrentVersion); the hint says what it means.
    throw new GanderError('E_UNKNOWN_MIGRATION', `migration ${version}: no current version found`, {
      hint: `there is no migration file for version ${version}, which the database has applied (${why}): restore the file in the migrations directory, or remove its row from the version table if it was deleted on purpose`,
    });
  }
  return source;
}

function planDownTo(input: PlanningInput, target: bigint, order: 'applied' | 'version' = 'applied'): PlanStep[] {
  if (target < 0n) throw new GanderError('E_INVALID_VERSION', `invalid target version ${target}: it must be 0 or more`);
  const byVersion = sourceMap(input.sources);
  if (input.noVersioning) {
    return [...input.sources]
      .reverse()
      .filter((s) => s.version > target)
      .map((source) => ({ source, direction: 'down' }));
  }
  // Most recently applied first, every applied version above the target: an
  // out-of-order apply can leave a higher version applied before a lower one.
  // reset goes by version instead, highest first (goose's reset.go).
  const above = input.state.appliedOrder.filter((v) => v > target);
  const versions = order === 'applied' ? above : above.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const unknown = versions.filter((v) => !byVersion.has(v));
  if (unknown.length > 0) {
    throw new GanderError(
      'E_UNKNOWN_MIGRATION',
      `cannot roll back to ${target}: version${unknown.length === 1 ? '' : 's'} ${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} applied but ${unknown.length === 1 ? 'has' : 'have'} no migration file`,
      { hint: 'restore the missing files, or roll back only to a version above them' },
    );
  }
  return versions.map((v) => ({ source: byVersion.get(v)!, direction: 'down' }));
}

function planDownOne(input: PlanningInput): PlanStep[] {
  if (input.noVersioning) {
    const last = input.sources.at(-1);
    return last ? [{ source: last, direction: 'down' }] : [];
  }
  const current = input.state.appliedOrder[0];
  if (current === undefined) {
    // goose's text: down.go wraps ErrNoCurrentVersion as `migration 0: …`.
    throw new GanderError('E_NO_CURRENT_VERSION', 'migration 0: no current version found', {
      hint: 'the database is at version 0: there is nothing to roll back',
    });
  }
  return [{ source: requireSource(sourceMap(input.sources), current, 'it is the current version'), direction: 'down' }];
}

/** The ordered steps an operation would run, from the files and the version table alone. */
export function planSteps(input: PlanningInput, operation: PlanOperation): PlanStep[] {
  switch (operation.kind) {
    case 'up':
      return planUp(input, undefined);
    case 'up-to':
      return planUp(input, operation.version);
    case 'up-by-one': {
      const first = planUp(input, undefined)[0];
      if (!first) throw new GanderError('E_NO_NEXT_VERSION', 'no next version found', { hint: 'every migration is applied' });
      return [first];
    }
    case 'down':
      return planDownOne(input);
    case 'down-to':
      return planDownTo(input, operation.version);
    case 'reset':
      return planDownTo(input, 0n, 'version');
    case 'redo': {
      let down: PlanStep | undefined;
      try {
        [down] = planDownOne(input);
      } catch (error) {
        // goose's redo returns ErrNoCurrentVersion as it is, without down's `migration N: `.
        if (error instanceof GanderError && (error.code === 'E_NO_CURRENT_VERSION' || error.code === 'E_UNKNOWN_MIGRATION')) {
          throw new GanderError(error.code, error.message.replace(/^migration \d+: /, ''), error.hint === undefined ? {} : { hint: error.hint });
        }
        throw error;
      }
      return down ? [down, { source: down.source, direction: 'up' }] : [];
    }
  }
}
