import type { Extension } from '@electric-sql/pglite';
import { GanderError } from '../errors.js';
import { importOptional } from './optional-import.js';
import { BUILT_IN, CONTRIB, PGLITE_EXTENSIONS, REQUIRES } from './pglite-extension-names.js';


type VectorModule = typeof import('@electric-sql/pglite-pgvector');

/**
 * The `extensions` option for PGlite.create: each requested extension's module.
 * `neededBy` names the files that create each one, for the error when PGlite has no such extension.
 */
export async function pgliteExtensions(
  requested: Iterable<string>,
  neededBy: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<Record<string, Extension>> {
  const names = new Set<string>();
  for (const name of requested) for (const n of [name, ...(REQUIRES[name] ?? [])]) names.add(n);
  const missing = [...names].filter((name) => !BUILT_IN.has(name) && !CONTRIB[name] && name !== 'vector');
  if (missing.length > 0) {
    const files = [...new Set(missing.flatMap((name) => neededBy.get(name) ?? []))];
    throw new GanderError(
      'E_EXTENSION_UNAVAILABLE',
      `the embedded database (PGlite) has no ${missing.map((n) => `"${n}"`).join(', ')} extension` +
        (files.length > 0 ? `, needed by ${files.join(', ')}` : ''),
      {
        hint: `PGlite can load: ${PGLITE_EXTENSIONS.join(', ')}; run these migrations on PostgreSQL instead (gander postgres "postgres://…" up)`,
      },
    );
  }
  const extensions: Record<string, Extension> = {};
  for (const name of names) {
    if (BUILT_IN.has(name)) continue;
    if (name === 'vector') {
      const files = neededBy.get('vector');
      const purpose = `pgvector on PGlite${files && files.length > 0 ? ` (CREATE EXTENSION vector in ${files.join(', ')})` : ''}`;
      extensions.vector = (await importOptional<VectorModule>('@electric-sql/pglite-pgvector', purpose)).vector;
      continue;
    }
    const module = CONTRIB[name]!;
    const loaded = await importOptional<Record<string, Extension>>(`@electric-sql/pglite/contrib/${module}`, `the "${name}" extension on PGlite`);
    const extension = loaded[module];
    if (!extension) throw new GanderError('E_EXTENSION_UNAVAILABLE', `@electric-sql/pglite/contrib/${module} has no "${module}" export`);
    extensions[module] = extension;
  }
  return extensions;
}
