import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';
import type { MigrationSource } from '../source/index.js';

/** What a `.js` / `.ts` migration exports. A missing function is an empty migration (goose: a nil func). */
export interface CodeMigration {
  up: ((db: Queryable) => Promise<void>) | undefined;
  down: ((db: Queryable) => Promise<void>) | undefined;
  /** `export const transaction = false` runs it outside a transaction (goose: AddMigrationNoTx). */
  useTx: boolean;
}

type MigrationFn = (db: Queryable) => Promise<void>;

function migrationFunction(module: Record<string, unknown>, name: 'up' | 'down', file: string): MigrationFn | undefined {
  const fn = module[name];
  if (fn === undefined) return undefined;
  if (typeof fn !== 'function') {
    throw new GanderError('E_INVALID_OPTION', `${file}: export "${name}" must be an async function (db) => { … }`, {
      hint: `export async function ${name}(db: Queryable): Promise<void> { await db.exec('…'); }`,
    });
  }
  return fn as MigrationFn;
}

/**
 * Load a code migration by importing its file. Node runs `.js` as is; `.ts`
 * needs a TypeScript loader (tsx, or Node ≥ 22.6 with type stripping): without
 * one, the error says so instead of a bare ERR_UNKNOWN_FILE_EXTENSION.
 */
export async function loadCodeMigration(source: MigrationSource): Promise<CodeMigration> {
  if (source.kind === 'go') {
    // goose's own words (migration.go) when its CLI meets a Go migration it was not built with.
    throw new GanderError(
      'E_INVALID_OPTION',
      `ERROR ${source.path}: failed to run Go migration: Go functions must be registered and built into a custom binary (see https://github.com/pressly/goose/tree/master/examples/go-migrations)`,
      { hint: `gander cannot run Go: rewrite ${source.fileName} as a .sql or .js/.ts migration, or run it with a goose binary built with it` },
    );
  }
  let module: Record<string, unknown>;
  try {
    // The checksum in the URL: an edited file is a new module, not the one
    // this process cached when it first imported it.
    const url = `${pathToFileURL(resolve(source.path)).href}?sha256=${source.checksum}`;
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const hint =
      source.kind === 'ts' && code === 'ERR_UNKNOWN_FILE_EXTENSION'
        ? 'Node cannot load .ts files by itself: run gander through tsx (npx tsx node_modules/.bin/gander …), use Node ≥ 22.6 with --experimental-strip-types, or write the migration as .js'
        : 'check that the file exists and loads with node on its own';
    throw new GanderError('E_INVALID_OPTION', `${source.fileName}: cannot load the code migration: ${error instanceof Error ? error.message : String(error)}`, {
      hint,
      cause: error,
    });
  }
  return {
    up: migrationFunction(module, 'up', source.fileName),
    down: migrationFunction(module, 'down', source.fileName),
    useTx: module.transaction !== false,
  };
}
