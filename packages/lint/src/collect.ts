import { readdir, readFile, stat } from 'node:fs/promises';
import { childPathOf } from '@gander/core';
import { inputText, type LintInputFile } from './input.js';
import { LintInputError } from './errors.js';
import type { FolderEntry } from './rules/rule.js';

export interface CollectedInput {
  files: LintInputFile[];
  folders: Array<{ path: string; entries: FolderEntry[] }>;
}

/**
 * The `.sql` files to lint from PATHs: a folder gives every `.sql` file in
 * its root (as goose reads them; a badly named one is a finding, not a crash)
 * plus its entries for the folder rules; a file is linted as given.
 */
export async function collectLintInput(
  paths: readonly string[],
  options: { onListed?: (files: number) => void; readContents?: boolean } = {},
): Promise<CollectedInput> {
  const files: LintInputFile[] = [];
  const folders: CollectedInput['folders'] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      throw new LintInputError(`${path}: no such file or directory`, 'pass the migrations folder or migration files; the default is the -dir folder');
    }
    if (!isDirectory) {
      files.push({ path, content: await readFile(path, 'utf8') });
      continue;
    }
    const dirents = await readdir(path, { withFileTypes: true });
    const entries = dirents.map((d) => ({ name: d.name, isDirectory: d.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1));
    folders.push({ path, entries });
    const childPath = childPathOf(path);
    for (const entry of entries) {
      if (entry.isDirectory || !entry.name.endsWith('.sql')) continue;
      const file = childPath(entry.name);
      files.push({ path: file, readFrom: file });
    }
  }
  // Said before any folder's file is read: lint starts its worker threads here.
  options.onListed?.(files.length);
  // readContents false: each file is read by the thread that lints it (inputText).
  return { files: options.readContents === false ? files : files.map((f) => ({ path: f.path, content: inputText(f) })), folders };
}
