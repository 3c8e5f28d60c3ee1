import { readFile } from 'node:fs/promises';
import type { Queryable } from '@gander/core';
import { TestkitError } from '../errors.js';

/**
 * Seed data: a file path or SQL text. A string ending in `.sql` on one line
 * is a path; anything else is SQL. Use `{ file }` or `{ sql }` to say which.
 */
export type SeedInput = string | { file: string } | { sql: string };

export interface LoadedSeed {
  /** The path, or `inline SQL`. */
  label: string;
  sql: string;
}

export async function readSeed(seed: SeedInput): Promise<LoadedSeed> {
  const file = typeof seed === 'string' ? (/\.sql$/i.test(seed) && !seed.includes('\n') ? seed : undefined) : 'file' in seed ? seed.file : undefined;
  if (file === undefined) return { label: 'inline SQL', sql: typeof seed === 'string' ? seed : (seed as { sql: string }).sql };
  try {
    return { label: file, sql: await readFile(file, 'utf8') };
  } catch (cause) {
    throw new TestkitError('E_SEED_FAILED', `cannot read the seed file ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: 'give the seed as a path relative to the working directory, an absolute path, or { sql }',
      cause,
    });
  }
}

/** Run the seed as one multi-statement query, as `psql -v ON_ERROR_STOP=1 -f` would. */
export async function loadSeed(db: Queryable, seed: LoadedSeed): Promise<void> {
  await db.exec(seed.sql);
}
