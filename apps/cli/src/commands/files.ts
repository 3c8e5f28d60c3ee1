import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectMigrations, GanderError, type MigrationSource } from '@gander/core';

/**
 * Migration files of a directory for create -s and fix, as goose collects
 * them: every rule of the collector applies (a badly named .sql is an error),
 * and an empty directory is simply empty.
 */
export async function listMigrations(dir: string): Promise<MigrationSource[]> {
  try {
    return await collectMigrations(dir);
  } catch (error) {
    if (error instanceof GanderError && error.code === 'E_NO_MIGRATIONS') return [];
    throw error;
  }
}

/** `.go` files goose would count (stock goose collects them even unregistered), for numbering only. */
export async function goMigrationVersions(dir: string, parse: (name: string) => bigint | undefined): Promise<{ path: string; version: bigint }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: { path: string; version: bigint }[] = [];
  for (const name of names) {
    if (!name.endsWith('.go') || name.endsWith('_test.go')) continue;
    // Same rule as the collector's: version before the first "_".
    const version = parse(name.replace(/\.go$/, '.sql'));
    if (version !== undefined) out.push({ path: join(dir, name), version });
  }
  return out;
}
