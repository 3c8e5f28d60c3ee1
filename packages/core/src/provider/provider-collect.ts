import { GanderError } from '../errors.js';
import { parseMigrationSql, type ParsedMigrationSql } from '../parser/index.js';
import { collectMigrations, type MigrationSource } from '../source/index.js';
import { loadCodeMigration } from './code-migration.js';
import type { PlanStep } from './plan.js';
import { duplicateVersionError, versionNotFoundError } from './provider-errors.js';
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
  prepare(step: PlanStep): Promise<PlannedMigration>;
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
      parsed.set(source.version, result);
    }
    return result;
  }

  async function prepare(step: PlanStep): Promise<PlannedMigration> {
    if (step.source.kind !== 'sql') {
      const code = await loadCodeMigration(step.source);
      const fn = step.direction === 'up' ? code.up : code.down;
      return {
        version: step.source.version,
        file: step.source.fileName,
        path: step.source.path,
        direction: step.direction,
        useTx: code.useTx,
        statements: [],
        checksum: step.source.checksum,
        ...(fn ? { code: fn } : {}),
      };
    }
    const sql = parseSource(step.source);
    return {
      version: step.source.version,
      file: step.source.fileName,
      path: step.source.path,
      direction: step.direction,
      useTx: sql.useTx,
      statements: (step.direction === 'up' ? sql.up : sql.down).map((s) => ({ sql: s.sql, line: s.line })),
      checksum: step.source.checksum,
    };
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
