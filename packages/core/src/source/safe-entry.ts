import { closeSync, constants, fstatSync, openSync, readSync, type Dirent } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { GanderError } from '../errors.js';
import { goQuote } from '../parser/go-text.js';

/**
 * Which directory entries may be read as migrations. Only regular files
 * inside the migrations folder: a symlink counts when its target is a regular
 * file that stays inside the folder (so `ln -s /proc/self/environ 2_x.sql` or
 * a link to /etc/passwd or /dev/zero is refused before a byte is read), and a
 * FIFO, device, socket or directory named like a migration is refused with
 * its path instead of hanging or failing without one.
 */

const UNSAFE_HINT = 'migration files must be regular files inside the migrations directory: replace the entry with a copy of the file, or move it out of the directory';

function unsafe(path: string, why: string): GanderError {
  return new GanderError('E_UNSAFE_FILE', `refusing to read ${goQuote(path)}: ${why}`, { hint: UNSAFE_HINT });
}

function kindOf(entry: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (entry.isDirectory()) return 'a directory';
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The path to read for a directory entry that is named like a migration: the
 * entry itself for a regular file, the resolved target for a symlink that
 * stays inside `realDir` (the folder's own real path). Throws E_UNSAFE_FILE
 * otherwise.
 */
export async function safeMigrationPath(dir: string, realDir: string, entry: Dirent): Promise<string> {
  const path = join(dir, entry.name);
  if (entry.isFile()) return path;
  if (!entry.isSymbolicLink()) {
    // Only non-regular entries get here (rare): lstat also covers file systems where readdir gives no type.
    const info = await lstat(path);
    if (info.isFile()) return path;
    if (!info.isSymbolicLink()) throw unsafe(path, `it is ${kindOf(info)}, not a migration file`);
  }
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    throw unsafe(path, 'it is a symbolic link to a file that does not exist');
  }
  if (!inside(realDir, target)) throw unsafe(path, 'it is a symbolic link to a file outside the migrations directory');
  const info = await stat(target);
  if (!info.isFile()) throw unsafe(path, `it is a symbolic link to ${kindOf(info)}, not a migration file`);
  return target;
}

/**
 * Read a file that was checked by safeMigrationPath, refusing anything that
 * is not a regular file by the time it is opened (a swap for a FIFO or a
 * symlink between the check and the read): O_NOFOLLOW and O_NONBLOCK mean
 * neither a link nor a pipe can make us follow or wait.
 */
export function readRegularFile(path: string, shownAs: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw unsafe(shownAs, `it is ${kindOf(info)}, not a migration file`);
    const bytes = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, bytes, read, info.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === info.size ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
