import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { GanderError, parseVersionFromFileName } from '@gander/core';
import type { CommandContext, CommandOutcome } from './context.js';
import { goMigrationVersions, listMigrations } from './files.js';
import { isSequentialVersion, isTimestampVersion, sequentialVersion } from './naming.js';

export interface Rename {
  from: string;
  to: string;
}

/**
 * goose fix: renumber timestamped migrations after the highest sequential
 * one, oldest first. Like goose it replaces the first occurrence of the
 * version's digits in the whole path (dir included).
 */
export function planFix(files: readonly { path: string; version: bigint }[]): Rename[] {
  const sorted = [...files].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  const sequential = sorted.filter((f) => isSequentialVersion(f.version));
  let next = (sequential.at(-1)?.version ?? 0n) + 1n;
  const renames: Rename[] = [];
  for (const file of sorted.filter((f) => isTimestampVersion(f.version))) {
    renames.push({ from: file.path, to: file.path.replace(file.version.toString(), sequentialVersion(next)) });
    next++;
  }
  return renames;
}

export async function fixCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const dir = ctx.usablePath(ctx.options.dir);
  const sources = await listMigrations(dir);
  if (sources.length === 0) {
    // goose: Fix fails when collection finds nothing.
    throw new GanderError('E_NO_MIGRATIONS', 'no migration files found', { hint: `there is nothing to renumber in ${ctx.options.dir}` });
  }
  const files = [
    ...sources.map((s) => ({ path: join(dir, s.fileName), version: s.version })),
    ...(await goMigrationVersions(dir, parseVersionFromFileName)),
  ];
  const renamed: Rename[] = [];
  for (const step of planFix(files)) {
    await rename(step.from, step.to);
    ctx.log.print(`RENAMED ${basename(step.from)} => ${basename(step.to)}`);
    renamed.push({ from: basename(step.from), to: basename(step.to) });
  }
  return { extra: { renamed } };
}
