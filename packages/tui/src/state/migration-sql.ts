import { hideSubstitutions, type ParsedStatement, type Provider } from '@gander/core';
import { toErrorInfo, type ErrorInfo } from '../format/error-info.js';

/** The Up and Down statements of one migration file, split by core's parser (or why they could not be). */
export type MigrationSql =
  | { ok: true; version: bigint; file: string; useTx: boolean; up: ParsedStatement[]; down: ParsedStatement[] }
  | { ok: false; version: bigint; file: string | undefined; error: ErrorInfo };

export function migrationSql(provider: Pick<Provider, 'sources' | 'statements'>, version: bigint): MigrationSql {
  const source = provider.sources.find((s) => s.version === version);
  if (!source) {
    return {
      ok: false,
      version,
      file: undefined,
      error: {
        code: 'E_UNKNOWN_MIGRATION',
        message: `version ${version} is applied in the database but has no migration file`,
        hint: 'restore the file to see its SQL, or roll back only to a version above it',
        failure: undefined,
      },
    };
  }
  if (source.kind !== 'sql') {
    return {
      ok: false,
      version,
      file: source.fileName,
      error: { code: 'E_INVALID_OPTION', message: `${source.fileName} is a ${source.kind} migration: it has no SQL to show`, hint: undefined, failure: undefined },
    };
  }
  try {
    // Asked of the provider: the same parser and ENVSUB environment it runs with,
    // so the split is exactly what would be sent.
    const parsed = provider.statements(version);
    // ENVSUB values (maybe secrets) are shown as ${NAME}.
    const shown = (list: typeof parsed.up) => list.map((s) => ({ ...s, sql: hideSubstitutions(s.sql, parsed.substitutions) }));
    return { ok: true, version, file: source.fileName, useTx: parsed.useTx, up: shown(parsed.up), down: shown(parsed.down) };
  } catch (error) {
    return { ok: false, version, file: source.fileName, error: toErrorInfo(error) };
  }
}
