import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationSpec } from '../fixtures/migration-spec.js';

/**
 * dbmate's format: `-- migrate:up` / `-- migrate:down` sections in one file
 * named `{version}_{name}.sql`. dbmate sends each section as one multi-statement
 * query, in a transaction unless the marker says `transaction:false` (goose's
 * NO TRANSACTION). The statements are gander's parse of the goose file.
 */
export function dbmateFile(spec: MigrationSpec): string {
  const option = spec.useTx ? '' : ' transaction:false';
  return `-- migrate:up${option}\n${spec.up.join('\n\n')}\n\n-- migrate:down${option}\n${spec.down.join('\n\n')}\n`;
}

export async function writeDbmateFiles(specs: readonly MigrationSpec[], dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const spec of specs) await writeFile(join(dir, spec.fileName), dbmateFile(spec));
  return dir;
}
