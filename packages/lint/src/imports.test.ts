import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every worker thread of a large lint loads the linter's modules itself, and
// so does every cold `gander lint`: core's package index would add about 50
// modules (provider, stores, adapters) that reading files never uses. The
// linter reaches core through `@gander/core/parsing`, and the root only for types.

const SRC = fileURLToPath(new URL('.', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'testdata') out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('what the linter imports from core', () => {
  it('imports values only from @gander/core/parsing; the package root only as types', async () => {
    const offenders: string[] = [];
    for (const file of await sources(SRC)) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'@gander\/core'/gm)) {
        if (match[1] === undefined) offenders.push(`${relative(SRC, file)}: ${match[0].split('\n')[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
