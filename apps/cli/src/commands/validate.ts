import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { assertNoTransactionControl, collectMigrations, GanderError, GanderParseError, parseMigrationSql, parseVersionFromFileName } from '@gander/core';
import { CliError } from '../errors.js';
import { tabulate } from '../output/tabwriter.js';
import type { CommandContext, CommandOutcome } from './context.js';

export interface FileStats {
  file: string;
  version: string;
  type: string;
  useTx: boolean | null;
  up: number | null;
  down: number | null;
}

/** goose's `failed to parse file "<path>": <reason>` (scripts grep it); the line goes to the `at:` detail. */
class FileParseError extends CliError {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
    hint: string | undefined,
  ) {
    super('E_VALIDATE', `failed to parse file ${JSON.stringify(file)}: ${reason}`, hint === undefined ? {} : { hint });
  }
}

const MIGRATION_EXTENSIONS = new Set(['.sql', '.ts', '.js']);

/**
 * goose's gatherFilenames: a directory's migration files (sorted), or the one
 * file given. For a directory, the contents come from the same collector `up`
 * uses, so validate refuses everything up would (duplicate versions, symlinks
 * out of the folder, FIFOs and directories named like migrations).
 */
async function gather(path: string): Promise<{ files: string[]; isDir: boolean }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new CliError('E_IO', `stat ${path}: no such file or directory`, { hint: 'pass the migrations directory with -dir, or one file' });
  }
  if (!info.isDirectory()) {
    if (!info.isFile()) {
      throw new CliError('E_VALIDATE', `refusing to read ${JSON.stringify(path)}: it is not a regular file`, {
        hint: 'pass the migrations directory with -dir, or one migration file',
      });
    }
    return { files: [path], isDir: false };
  }
  const names = (await readdir(path)).filter(
    (n) => MIGRATION_EXTENSIONS.has(extname(n)) && !n.endsWith('.d.ts') && !/\.(test|spec)\.[jt]s$/.test(n),
  );
  return { files: names.map((n) => join(path, n)).sort(), isDir: true };
}

/** Parse every file without touching a database (goose validate). */
export async function validateFiles(path: string, env: Record<string, string | undefined>): Promise<FileStats[]> {
  const stats: FileStats[] = [];
  const { files, isDir } = await gather(path);
  const versions = files.map((file) => {
    const version = parseVersionFromFileName(basename(file));
    if (version === undefined) {
      throw new CliError('E_VALIDATE', `failed to get version from file "${file}": not a migration file name`, {
        hint: 'name migration files <version>_<description>.sql, e.g. 00001_create_users.sql, with a version of 1 or more',
      });
    }
    return version;
  });
  // goose's name errors first (above), then every rule of up's collector.
  const contents = isDir ? new Map((await collectMigrations(path)).map((s) => [s.path, s.content])) : new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const version = versions[i]!;
    const type = extname(file).slice(1);
    if (type !== 'sql') {
      stats.push({ file, version: version.toString(), type, useTx: null, up: null, down: null });
      continue;
    }
    const content = contents.get(file) ?? (await readFile(file, 'utf8'));
    try {
      const parsed = parseMigrationSql(content, { file, env });
      // up refuses these before running anything: so does validate.
      assertNoTransactionControl(parsed, file);
      stats.push({ file, version: version.toString(), type, useTx: parsed.useTx, up: parsed.up.length, down: parsed.down.length });
    } catch (error) {
      if (error instanceof GanderParseError) {
        const where = `${error.file ?? file}:${error.line}: `;
        const reason = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
        throw new FileParseError(file, error.line, reason, error.hint);
      }
      if (error instanceof GanderError) throw error;
      throw new CliError('E_VALIDATE', `failed to parse file "${file}": ${(error as Error).message}`);
    }
  }
  return stats;
}

export async function validateCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const stats = await validateFiles(ctx.usablePath(ctx.options.dir), ctx.env);
  if (ctx.options.verbose) {
    const rows = [
      ['Type', 'Txn', 'Up', 'Down', 'Name'],
      ['────', '───', '──', '────', '────'],
      ...stats.map((s) => [s.type, s.useTx === false ? '✘' : '✔', String(s.up ?? '-'), String(s.down ?? '-'), basename(s.file)]),
    ];
    ctx.print(tabulate(rows));
  }
  return { extra: { files: stats.map((s) => ({ ...s, file: basename(s.file) })) } };
}
