import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import {
  collectMigrations,
  connectionFromUrl,
  createProvider,
  DEFAULT_TABLE_NAME,
  dumpSchema,
  parseTableName,
  squashMarkerLine,
  type MigrationSource,
  type PgDumpBinary,
} from '@gander/core';
import { TestkitError } from '../errors.js';
import type { EphemeralServer } from '../server/ephemeral-server.js';
import { proveSquash } from './prove-squash.js';
import { startScratchServer } from './scratch-server.js';

export interface SquashOptions {
  /** The migrations folder. */
  dir: string;
  /** The files up to this version (it must be a file's version) become one file at it. */
  to: bigint;
  /** Where the replaced files go (default `archived-to-<version>` inside `dir`, which goose and gander do not read). */
  archive?: string | undefined;
  /** Build and prove, write nothing. */
  dryRun?: boolean | undefined;
  /** `--pg-dump PATH`; else GANDER_PG_DUMP, GANDER_PG_BIN, PATH (the scratch server's major version). */
  pgDump?: string | undefined;
  /** The version table the guard in the squashed file reads (default goose_db_version). */
  table?: string | undefined;
  /** A server to use instead of starting one (it is not stopped). */
  server?: EphemeralServer | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  onLog?: ((line: string) => void) | undefined;
}

export interface SquashResult {
  to: bigint;
  /** The squashed file's name and path. */
  file: string;
  path: string;
  /** The archive folder, as a path and as written inside the file (relative to `dir`). */
  archive: string;
  /** The replaced files (moved to `archive` unless dryRun). */
  replaced: string[];
  /** Files above `to`, left as they were. */
  kept: string[];
  written: boolean;
  /** The squashed file's text. */
  text: string;
  server: { kind: string; version: string };
  pgDump: PgDumpBinary;
  /** Objects in the proven catalog. */
  objects: number;
  /** Catalog lines that differ only as PostgreSQL re-reads pg_dump's text of a definition (checked on the server; see explainByReread). */
  reread: string[];
}

function versionText(source: MigrationSource): string {
  return source.fileName.slice(0, source.fileName.indexOf('_'));
}

function refuse(message: string, hint: string): TestkitError {
  return new TestkitError('E_SQUASH_REFUSED', message, { hint });
}

async function checkArchive(archive: string, replaced: readonly MigrationSource[]): Promise<void> {
  let present: string[];
  try {
    present = await readdir(archive);
  } catch {
    return;
  }
  const clash = replaced.find((s) => present.includes(s.fileName));
  if (clash) throw refuse(`${join(archive, clash.fileName)} already exists: squash moves the replaced files there`, 'pick another folder with -archive DIR');
}

/**
 * Replace the migrations up to `to` with one file at `to`: the old files are
 * applied on a scratch database, dumped with the server's own pg_dump, and the
 * result is proven (proveSquash) before anything on disk changes; a proof that
 * finds a difference throws E_SQUASH_NOT_IDENTICAL with the diff.
 */
export async function squashMigrations(options: SquashOptions): Promise<SquashResult> {
  const sources = await collectMigrations(options.dir);
  const replaced = sources.filter((s) => s.version <= options.to);
  const kept = sources.filter((s) => s.version > options.to);
  const last = replaced.at(-1);
  if (!last || last.version !== options.to) {
    throw refuse(`no migration file in ${options.dir} has version ${options.to}`, `squash -to takes the version of one of the files: ${sources.map((s) => s.version).join(', ')}`);
  }
  const code = replaced.find((s) => s.kind !== 'sql');
  if (code) throw refuse(`${code.fileName} is a ${code.kind} migration: squash replaces SQL files only (what code does is not all in the schema)`, `squash to a version below ${code.version}`);
  const archiveDir = options.archive ? (isAbsolute(options.archive) ? options.archive : resolve(options.archive)) : join(options.dir, `archived-to-${versionText(last)}`);
  const archiveShown = relative(resolve(options.dir), archiveDir) || '.';
  if (archiveShown === '.') {
    throw refuse(`the archive folder ${archiveDir} is the migrations folder itself`, 'goose and gander read no subfolder: archived-to-<version> inside the migrations folder is the default');
  }
  await checkArchive(archiveDir, replaced);
  const fileName = `${versionText(last)}_squashed.sql`;
  const table = options.table || DEFAULT_TABLE_NAME;

  const scratch = await startScratchServer(replaced, { server: options.server, env: options.env, onLog: options.onLog });
  try {
    const { server } = scratch;
    const applied = await server.createDatabase();
    let dump;
    try {
      const provider = await createProvider({ db: applied.db, sources: replaced });
      const result = await provider.up();
      if (result.error) throw result.error;
      dump = await dumpSchema({
        db: applied.db,
        connection: connectionFromUrl(applied.url!),
        version: options.to,
        pgDump: options.pgDump,
        env: options.env ?? process.env,
        notes: [
          `gander squash: replaces ${replaced.length} migration${replaced.length === 1 ? '' : 's'}, ${replaced[0]!.fileName} to ${last.fileName}, now in ${archiveShown}/.`,
          'Proven before it was written: on two fresh databases these files and this one build the same catalog, and its Down drops it all.',
          // The audit log of a database that applied the old files holds their checksums: these lines tell gander's drift check.
          ...replaced.map((s) => squashMarkerLine(s.fileName, s.checksum).replace(/^-- /, '')),
        ],
        guard: { version: options.to, qualifiedTable: parseTableName(table).qualified, archive: archiveShown },
      });
    } finally {
      await applied.drop();
    }
    const proof = await proveSquash(server, replaced, { fileName, content: dump.text });
    if (proof.upDiff.length > 0 || proof.downDiff.length > 0) {
      const parts = [
        ...(proof.upDiff.length > 0 ? [`the squashed file does not build the schema ${replaced[0]!.fileName}…${last.fileName} build (+ only in the squashed one, - only in the old files, ~ changed):`, ...proof.upDiff.map((l) => `  ${l}`)] : []),
        ...(proof.downDiff.length > 0 ? ['its Down does not drop everything its Up creates (+ left behind):', ...proof.downDiff.map((l) => `  ${l}`)] : []),
      ];
      throw new TestkitError('E_SQUASH_NOT_IDENTICAL', `squash to ${options.to} refused, nothing was written: ${parts.join('\n')}`, {
        hint: 'the dump cannot express what the old files do (see the differences): squash to another version, or report the case',
      });
    }
    const path = join(options.dir, fileName);
    if (!options.dryRun) {
      await mkdir(archiveDir, { recursive: true });
      for (const source of replaced) await rename(source.path, join(archiveDir, basename(source.path)));
      await writeFile(path, dump.text, { flag: 'wx' });
    }
    return {
      to: options.to,
      file: fileName,
      path,
      archive: archiveDir,
      replaced: replaced.map((s) => s.fileName),
      kept: kept.map((s) => s.fileName),
      written: !options.dryRun,
      text: dump.text,
      server: { kind: server.kind, version: dump.server.version },
      pgDump: dump.pgDump,
      objects: proof.objects,
      reread: proof.reread,
    };
  } finally {
    if (scratch.owned) await scratch.server.stop();
  }
}
