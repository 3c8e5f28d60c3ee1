import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationSpec } from '../fixtures/migration-spec.js';

/**
 * node-pg-migrate orders files by a 13-digit (epoch ms) or 17-digit (UTC)
 * prefix; any other prefix logs "Can't determine timestamp" on every
 * comparison of the sort, which would bill it for our naming. So the prefix is
 * a fixed epoch plus the version: same order, its own format.
 */
const EPOCH_MS = 1_700_000_000_000n;

/** It finds its sections with this (multiline, case-insensitive) pattern, so no statement line may match it. */
const MARKER = /^\s*--[\s-]*(up|down)\s+migration/im;

export function nodePgMigrateFileName(spec: MigrationSpec): string {
  return `${EPOCH_MS + spec.version}_${spec.description}.sql`;
}

export function nodePgMigrateFile(spec: MigrationSpec): string {
  for (const sql of [...spec.up, ...spec.down]) {
    if (MARKER.test(sql)) throw new Error(`${spec.fileName}: a statement contains a line node-pg-migrate would take for a section marker`);
  }
  if (!spec.useTx) {
    // SQL files have no way to say pgm.noTransaction(); only JS migrations do.
    throw new Error(`${spec.fileName}: NO TRANSACTION migrations cannot be written as node-pg-migrate SQL files`);
  }
  return `-- Up Migration\n${spec.up.join('\n\n')}\n\n-- Down Migration\n${spec.down.join('\n\n')}\n`;
}

export async function writeNodePgMigrateFiles(specs: readonly MigrationSpec[], dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const spec of specs) await writeFile(join(dir, nodePgMigrateFileName(spec)), nodePgMigrateFile(spec));
  return dir;
}
