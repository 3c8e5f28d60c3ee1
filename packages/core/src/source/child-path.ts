import { join } from 'node:path';

/**
 * `join(dir, name)` for the names `readdir` returns (no separator in them):
 * the folder is normalised once and each name appended. join() normalises on
 * every call, and 10,000 of them show in a profile of a large folder.
 */
export function childPathOf(dir: string): (name: string) => string {
  const prefix = join(dir, '_').slice(0, -1);
  return (name) => prefix + name;
}
