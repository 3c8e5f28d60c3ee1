import { GanderError } from '../errors.js';
import { parseMigrationSql, type ParsedMigrationSql } from '../parser/index.js';
import { collectMigrations, type MigrationSource } from '../source/index.js';
import type { PlanStep } from './plan.js';
import { prepareCode, preparedSql } from './prepare-step.js';
import { duplicateVersionError, versionNotFoundError } from './provider-errors.js';
import { assertNoTransactionControl } from './transaction-control.js';
import type { PlannedMigration, ProviderOptions } from './types.js';

/** The migration files of a provider, sorted by version, each version once. */
export async function collectSources(options: Pick<ProviderOptions, 'dir' | 'sources'>): Promise<MigrationSource[]> {
  const sources = options.sources ? [...options.sources].sort(byVersion) : await collectMigrations(options.dir!);
  assertUniqueVersions(sources);
  return sources;
}

/** Parses each SQL file once and turns plan steps into the exact statements they run. */
export interface MigrationCollector {
  parseSource(source: MigrationSource): ParsedMigrationSql;
  /** The parsed statements of a version; E_VERSION_NOT_FOUND when it has no file. */
  statements(version: bigint): ParsedMigrationSql;
  /** A step with its statements; `loadCode` false (plan): a code migration is described, never imported. */
  prepare(step: PlanStep, loadCode: boolean): Promise<PlannedMigration>;
}

export function migrationCollector(
  sources: readonly MigrationSource[],
  env: Record<string, string | undefined>,
): MigrationCollector {
  const parsed = new Map<bigint, ParsedMigrationSql>();

  function parseSource(source: MigrationSource): ParsedMigrationSql {
    let result = parsed.get(source.version);
    if (!result) {
      if (source.kind !== 'sql') {
        throw new GanderError('E_INVALID_OPTION', `${source.fileName} is a ${source.kind} code migration: it has no SQL statements`, {
          hint: 'its up and down functions run as written',
        });
      }
      result = parseMigrationSql(source.content, { file: source.path, env });
      assertNoTransactionControl(result, source.path);
      parsed.set(source.version, result);
    }
    return result;
  }

  async function prepare(step: PlanStep, loadCode: boolean): Promise<PlannedMigration> {
    if (step.source.kind !== 'sql') return prepareCode(step, loadCode);
    return preparedSql(step, parseSource(step.source));
  }

  return {
    parseSource,
    prepare,
    statements(version) {
      const source = sources.find((s) => s.version === version);
      if (!source) throw versionNotFoundError(version);
      return parseSource(source);
    },
  };
}

function byVersion(a: MigrationSource, b: MigrationSource): number {
  return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

function assertUniqueVersions(sources: readonly MigrationSource[]): void {
  for (let i = 1; i < sources.length; i++) {
    const [prev, cur] = [sources[i - 1]!, sources[i]!];
    if (prev.version === cur.version) throw duplicateVersionError(prev, cur);
  }
}
