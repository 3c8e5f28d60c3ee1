import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GanderError, parseVersionFromFileName } from '@gander/core';
import { CliError } from '../errors.js';
import type { CommandContext, CommandOutcome } from './context.js';
import { goMigrationVersions, listMigrations } from './files.js';
import { isSequentialVersion, sequentialVersion, snakeCase, timestampVersion } from './naming.js';
import { SQL_MIGRATION_TEMPLATE, tsMigrationTemplate } from './templates.js';

const TYPES = ['sql', 'ts'] as const;

/** The next version: a UTC timestamp, or with -s the highest sequential version + 1 (`%05v`). */
export async function nextVersion(dir: string, sequential: boolean, now: Date): Promise<string> {
  const existing = [
    ...(await listMigrations(dir).catch((error: unknown) => {
      // A missing directory is reported when the file is written, with goose's text.
      if (error instanceof GanderError && error.code === 'E_DIR_NOT_FOUND' && !sequential) return [];
      throw error;
    })).map((m) => m.version),
    ...(await goMigrationVersions(dir, parseVersionFromFileName)).map((m) => m.version),
  ];
  if (!sequential) return freeTimestampVersion(now, new Set(existing));
  const versions = existing.filter(isSequentialVersion);
  const last = versions.reduce((max, v) => (v > max ? v : max), 0n);
  return sequentialVersion(last + 1n);
}

/**
 * The timestamp version for `now`, or the next free second when a file already
 * has it: two `create` calls within one second must not make two migrations
 * with one version (goose does; `up` then refuses both as duplicates).
 */
function freeTimestampVersion(now: Date, taken: ReadonlySet<bigint>): string {
  let at = now.getTime();
  let version = timestampVersion(new Date(at));
  while (taken.has(BigInt(version))) {
    at += 1000;
    version = timestampVersion(new Date(at));
  }
  return version;
}

/** goose's CreateWithTemplate: `<version>_<snake_name>.<type>` in -dir. */
export async function createMigrationFile(options: {
  dir: string;
  name: string;
  type: string;
  sequential: boolean;
  now: Date;
  template?: string;
}): Promise<string> {
  const version = await nextVersion(options.dir, options.sequential, options.now);
  const path = join(options.dir, `${version}_${snakeCase(options.name)}.${options.type}`);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new CliError('E_FILE_EXISTS', `failed to create migration file: ${path} already exists`, {
      hint: 'wait a second for a new timestamp, or pick another name',
    });
  }
  const text = options.template ?? (options.type === 'ts' ? tsMigrationTemplate() : SQL_MIGRATION_TEMPLATE);
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError('E_IO', `failed to create migration file: open ${path}: ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`, {
      hint: code === 'ENOENT' ? `create the directory ${options.dir} first (gander init creates migrations/)` : undefined,
    });
  }
  return path;
}

export async function createCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const [name, type = 'sql'] = ctx.args;
  if (name === undefined) {
    throw new CliError('E_USAGE', 'create must be of form: gander [OPTIONS] DRIVER DBSTRING create NAME [sql|ts]', {
      hint: 'give the migration a name, e.g. gander create add_users_table',
    });
  }
  if (!(TYPES as readonly string[]).includes(type)) {
    throw new CliError('E_USAGE', `unknown migration type ${JSON.stringify(type)}: gander creates sql (the default) or ts`, {
      hint: type === 'go' ? 'gander cannot run Go migrations: write the migration in SQL' : 'use sql or ts',
    });
  }
  const path = await createMigrationFile({ dir: ctx.usablePath(ctx.options.dir), name, type, sequential: ctx.options.sequential, now: ctx.io.now?.() ?? new Date() });
  ctx.log.print(`Created new file: ${path}`);
  return { extra: { created: path } };
}
