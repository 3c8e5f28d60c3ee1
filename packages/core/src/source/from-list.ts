import { baseName } from './file-name.js';
import { noMigrationsError, selectMigrations, sortByVersion, toSource } from './build-sources.js';
import type { MigrationSource } from './types.js';

/**
 * Migrations from memory (bundled apps, tests), with the same name rules as
 * a directory. `fileName` may carry a folder; only its base name counts.
 */
export function sourcesFromList(list: ReadonlyArray<{ fileName: string; content: string }>): MigrationSource[] {
  const byPath = new Map<string, string>();
  const candidates = list.map(({ fileName, content }) => {
    byPath.set(fileName, content);
    return { fileName: baseName(fileName), path: fileName };
  });
  const accepted = selectMigrations(candidates);
  if (accepted.length === 0) throw noMigrationsError('the migration list');
  return sortByVersion(
    accepted.map((item) => {
      const content = byPath.get(item.path) ?? '';
      return toSource(item, Buffer.from(content, 'utf8'), content);
    }),
  );
}
